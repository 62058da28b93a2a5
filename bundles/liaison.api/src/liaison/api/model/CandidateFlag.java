package liaison.api.model;

/** Caveats attached to a {@link ContactCandidate} that lower trust in it or explain its rank. */
public enum CandidateFlag {
    /** The registry says the address failed its validation (RIPE "Abuse-mailbox validation failed"). */
    SUSPECT_ADDRESS,
    /** Found only in free text ({@code remarks:}, {@code descr:}), not in a structured attribute. */
    FROM_REMARKS,
    /** The registry's own hostmaster or helpdesk, not the holder of the resource. */
    REGISTRY_CONTACT,
    /** A placeholder a mirror substituted for the real address (RIPE's {@code unread@ripe.net}). */
    PLACEHOLDER_ADDRESS,
    /** Answered from the local cache without asking the server. */
    CACHED,
    /** Set by a coordinator's override in the directory. */
    OVERRIDDEN
}
