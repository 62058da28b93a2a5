package liaison.directory;

/**
 * Two teams that may be the same but were not merged, because the evidence is not strong enough
 * (a name contained in the other, a shared mail domain) or points at more than one team. The
 * coordinator decides: merge them or keep them apart.
 *
 * @param teamId    one team
 * @param team      its short name
 * @param otherId   the other team
 * @param other     its short name
 * @param reason    why they look alike
 */
public record MatchCandidate(long teamId, String team, long otherId, String other, String reason) {
}
