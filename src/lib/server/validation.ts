/** The largest value of a PostgreSQL `integer` (int4): every whole number the app accepts fits in one. */
export const INT4_MAX = 2_147_483_647;
/** The smallest value of a PostgreSQL `integer` (int4). */
export const INT4_MIN = -2_147_483_648;
