package liaison.report.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

import liaison.api.model.EmailAddress;

/**
 * What a report can be addressed to: an e-mail address, or an {@code http(s)} URL that an installed
 * transport posts to (a partner team's chat webhook, a ticket system's intake). Anything else is
 * refused when the events are read, so that a typo never becomes a recipient.
 */
final class Recipients {

    private Recipients() {
    }

    /** The recipient as it is stored and routed: the e-mail address with a lower-case domain, or the URL as given. */
    static String normalise(String text) {
        String s = text.strip();
        if (!isUrl(s)) {
            return EmailAddress.of(s).address();
        }
        try {
            URI uri = new URI(s);
            if (uri.getHost() == null || uri.getRawFragment() != null) {
                throw new IllegalArgumentException("not a URL with a host and without a fragment: '" + text + "'");
            }
            return uri.getScheme().toLowerCase(Locale.ROOT) + s.substring(uri.getScheme().length());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: '" + text + "' (" + e.getReason() + ")", e);
        }
    }

    static boolean isUrl(String recipient) {
        return recipient.regionMatches(true, 0, "https://", 0, 8) || recipient.regionMatches(true, 0, "http://", 0, 7);
    }

    static List<String> emails(List<String> recipients) {
        return recipients.stream().filter(r -> !isUrl(r)).toList();
    }

    static List<String> urls(List<String> recipients) {
        return recipients.stream().filter(Recipients::isUrl).toList();
    }
}
