/** How an e-mail address is written in the config and on the command line (--to). */

/**
 * A mailbox as header fields take it: an address, or a name and an address ("Investor Relations <ir@example.com>").
 * Its dots only between letters or digits ("cfo@acme..test", ".ir@example.com" refused here: a server refuses them at
 * send time with a syntax error that no second run gets past, after the rest of the list has been sent).
 */
export const MAILBOX = /^(?:[^<>\r\n"]*|"[^"\r\n]*")\s*<([^<>\s@.]+(?:\.[^<>\s@.]+)*@[^<>\s@.]+(?:\.[^<>\s@.]+)+)>$|^([^<>\s@",;.]+(?:\.[^<>\s@",;.]+)*@[^<>\s@",;.]+(?:\.[^<>\s@",;.]+)+)$/;

export const MAILBOX_HELP = 'an address is written name@example.com, or "Name <name@example.com>"; one address per entry';
