/** Length limits of a chosen password, shared by the server's rules and the pages' messages. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;
