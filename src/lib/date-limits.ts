/** The dates a person may enter, shared by the server's schemas and the pages' messages: PostgreSQL takes far more, but year 0 or 20000 is a typing mistake. */
export const DATE_MIN = '1900-01-01';
export const DATE_MAX = '2999-12-31';
