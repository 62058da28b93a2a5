/**
 * Our OpenPGP key and our correspondents' keys, and PGP/MIME (RFC 3156) signing and encryption of
 * report messages: {@link liaison.pgp.PgpService}.
 */
package liaison.pgp;
