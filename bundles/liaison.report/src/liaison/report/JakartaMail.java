package liaison.report;

import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimePartDataSource;

/**
 * Using Jakarta Mail inside OSGi. The API finds its implementation (Angus: streams, SMTP, IMAP)
 * through the thread's context class loader, which in OSGi sees nothing; and it resolves content
 * handlers ({@code getContent()}) through a mailcap registry it cannot find there either. So every
 * use of Jakarta Mail runs through {@link #run}, and multiparts are read with {@link #multipart}.
 */
public final class JakartaMail {

    private static final ClassLoader ANGUS = org.eclipse.angus.mail.util.MailStreamProvider.class.getClassLoader();

    private JakartaMail() {
    }

    /** Work that uses Jakarta Mail. */
    @FunctionalInterface
    public interface Action<T, E extends Exception> {
        T run() throws E;
    }

    /** Runs the action with Angus visible to Jakarta Mail's service lookup. */
    public static <T, E extends Exception> T run(Action<T, E> action) throws E {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(ANGUS);
        try {
            return action.run();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** The parts of a multipart part, parsed directly rather than through a content handler. */
    public static MimeMultipart multipart(Part part) throws MessagingException {
        return run(() -> new MimeMultipart(new MimePartDataSource((MimePart) part)));
    }
}
