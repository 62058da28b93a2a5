package liaison.api.report;

import java.util.List;

/**
 * A report rendered by a {@link ReportFormat}: the subject and the MIME parts of the message body.
 * The composer wraps it in a message, signs or encrypts it, and hands it to a transport.
 *
 * @param subject     the Subject header (one line; the composer rejects CR and LF)
 * @param contentType the body's top-level multipart type, e.g. {@code multipart/mixed} or
 *                    {@code multipart/report; report-type=feedback-report}
 * @param parts       the body parts in order; the first is what mail readers show
 */
public record RenderedReport(String subject, String contentType, List<Part> parts) {

    public RenderedReport {
        parts = List.copyOf(parts);
    }

    /**
     * One MIME part.
     *
     * @param mediaType full content type including parameters, e.g. {@code text/plain; charset=UTF-8}
     * @param filename  attachment file name, or null for an inline part
     * @param content   the bytes of the part
     */
    public record Part(String mediaType, String filename, byte[] content) {
    }
}
