package liaison.api.model;

import java.time.ZoneId;

/**
 * One way to reach a team: an address or number, what it is for, and the time zone of the people
 * behind it (so a handler knows whether a phone call at 03:00 UTC reaches anyone).
 *
 * @param type     kind of channel
 * @param value    the address, number or URI as it should be used
 * @param usage    what the team asks this channel to be used for ("incident reports", "24/7 emergencies"), or null
 * @param timeZone IANA time zone of the channel's staff, or null when unknown
 * @param comment  free text from the source, or null
 */
public record ContactChannel(ChannelType type, String value, String usage, ZoneId timeZone, String comment) {

    public ContactChannel {
        if (type == null || value == null || value.isBlank()) {
            throw new IllegalArgumentException("a contact channel needs a type and a value");
        }
        value = value.strip();
    }

    public static ContactChannel of(ChannelType type, String value) {
        return new ContactChannel(type, value, null, null, null);
    }
}
