/**
 * RPSL irt objects as directory teams, shared by the RIPE irt source and the NRTMv4 mirror.
 */
package liaison.directory.ripe;
