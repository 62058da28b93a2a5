package liaison.simnet.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.UserException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import liaison.api.LiaisonException;
import liaison.report.JakartaMail;
import liaison.simnet.ScenarioPack;
import liaison.simnet.ScenarioPack.Recipients.Action;
import liaison.simnet.ScenarioPack.Recipients.Step;
import liaison.simnet.SimEvent;

/**
 * The simulated mail of a scenario: GreenMail's SMTP and IMAP servers with the trainee's mailbox, and
 * the simulated recipients. Every message reaching a recipient is recorded and answered as the pack
 * says — an automatic reply, a person's reply, a question, a confirmation, a bounce, or nothing — after
 * the step's delay divided by the speed; answers are dated in scenario time and land in the sender's
 * mailbox, where Liaison's reply tracking (or any mail client) reads them over IMAP.
 */
final class Mailroom implements AutoCloseable {

    private static final DateTimeFormatter RFC_5322 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    private static final int MAX_TEXT = 64 * 1024;

    private final ScenarioPack pack;
    private final double speed;
    private final Consumer<SimEvent> record;
    private final GreenMail mail;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "liaison-simnet-recipients");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger pending = new AtomicInteger();
    private final Session session = JakartaMail.run(() -> Session.getInstance(new Properties()));

    Mailroom(ScenarioPack pack, int smtpPort, int imapPort, double speed, Consumer<SimEvent> record) throws LiaisonException {
        this.pack = pack;
        this.speed = speed;
        this.record = record;
        ScenarioPack.Trainee t = pack.trainee();
        mail = new GreenMail(new ServerSetup[] { new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP) })
                .withConfiguration(GreenMailConfiguration.aConfig().withUser(t.email(), t.login(), t.password()));
        try {
            JakartaMail.run(() -> {
                mail.start();
                return null;
            });
        } catch (RuntimeException e) {
            mail.stop();
            throw new LiaisonException("cannot start the simulated mail server on 127.0.0.1 ports " + smtpPort + " and " + imapPort
                    + ": " + (e.getMessage() == null ? e : e.getMessage()), e);
        }
        mail.getUserManager().setMessageDeliveryHandler((message, address) -> {
            GreenMailUser user = user(address.getEmail());
            if (!isTrainee(address.getEmail())) {
                arrived(message.getMessage(), address.getEmail().toLowerCase(Locale.ROOT));
            }
            return user;
        });
    }

    int smtpPort() {
        return mail.getSmtp().getPort();
    }

    int imapPort() {
        return mail.getImap().getPort();
    }

    int pending() {
        return pending.get();
    }

    boolean awaitReplies(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (pending.get() > 0) {
            if (System.nanoTime() > end) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    private boolean isTrainee(String address) {
        return address.equalsIgnoreCase(pack.trainee().email());
    }

    private GreenMailUser user(String email) throws UserException {
        GreenMailUser u = mail.getUserManager().getUserByEmail(email);
        return u != null ? u : mail.getUserManager().createUser(email, email, pack.trainee().password());
    }

    /** A report reached a recipient: record it and schedule the recipient's answers. */
    private void arrived(MimeMessage report, String to) {
        Instant at = Instant.now();
        String from;
        String subject;
        String id;
        boolean signed;
        boolean encrypted;
        String text;
        try {
            from = sender(report);
            subject = report.getSubject() == null ? "" : report.getSubject();
            id = report.getMessageID() == null ? null : report.getMessageID().replaceAll("^<|>$", "");
            signed = report.isMimeType("multipart/signed") && "application/pgp-signature".equalsIgnoreCase(parameter(report, "protocol"));
            encrypted = report.isMimeType("multipart/encrypted");
            StringBuilder b = new StringBuilder();
            text(report, b, 0);
            text = b.length() > MAX_TEXT ? b.substring(0, MAX_TEXT) : b.toString();
        } catch (MessagingException | IOException e) {
            return; // unreadable mail is delivered, but no recipient reads it
        }
        record.accept(new SimEvent(SimEvent.Type.REPORT, at, from, to, subject, id, null, null, null, signed, encrypted, text));
        if (from == null) {
            return;
        }
        for (Step step : pack.recipients().steps(to)) {
            pending.incrementAndGet();
            long delay = (long) (step.after().toMillis() / speed);
            scheduler.schedule(() -> {
                try {
                    answer(step, report, at, from, to, subject, id);
                } finally {
                    pending.decrementAndGet();
                }
            }, delay, TimeUnit.MILLISECONDS);
        }
    }

    private void answer(Step step, MimeMessage report, Instant arrived, String from, String to, String subject, String id) {
        Instant dated = arrived.plus(step.after());
        String domain = to.substring(to.indexOf('@') + 1);
        String replyId = UUID.randomUUID() + "@" + domain;
        String body = step.text() != null ? step.text() : wording(step.action());
        String replySubject = step.action() == Action.AUTO_REPLY ? "Automatic reply: " + subject
                : step.action() == Action.BOUNCE ? "Undelivered Mail Returned to Sender" : "Re: " + subject;
        try {
            MimeMessage reply = JakartaMail.run(() -> step.action() == Action.BOUNCE
                    ? bounce(report, dated, from, to, id, replyId)
                    : reply(step.action(), dated, from, to, replySubject, id, replyId, body));
            user(from).deliver(reply);
            record.accept(new SimEvent(SimEvent.Type.REPLY, Instant.now(), step.action() == Action.BOUNCE ? "MAILER-DAEMON@" + domain : to,
                    from, replySubject, replyId, id, step.action(), step.after(), false, false,
                    step.action() == Action.BOUNCE ? "550 5.1.1 <" + to + ">: Recipient address rejected: User unknown" : body));
        } catch (MessagingException | UserException e) {
            // the trainee's mailbox is gone (the simulation is stopping)
        }
    }

    private MimeMessage reply(Action action, Instant dated, String from, String to, String subject, String id, String replyId,
            String body) throws MessagingException {
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress(to));
        m.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(from));
        m.setSubject(subject, "UTF-8");
        m.setSentDate(Date.from(dated));
        m.setText(body + "\n\n-- \n" + to + " (simulated recipient of a Liaison exercise)\n", "UTF-8");
        if (action == Action.AUTO_REPLY) {
            m.setHeader("Auto-Submitted", "auto-replied");
        }
        m.saveChanges();
        m.setHeader("Message-ID", "<" + replyId + ">");
        if (id != null) {
            m.setHeader("In-Reply-To", "<" + id + ">");
            m.setHeader("References", "<" + id + ">");
        }
        return m;
    }

    /** An RFC 3464 delivery status notification returning the report's headers. */
    private MimeMessage bounce(MimeMessage report, Instant dated, String from, String to, String id, String replyId)
            throws MessagingException {
        String domain = to.substring(to.indexOf('@') + 1);
        String boundary = "dsn-" + UUID.randomUUID();
        StringBuilder headers = new StringBuilder();
        for (var e = report.getAllHeaderLines(); e.hasMoreElements();) {
            headers.append(e.nextElement()).append("\r\n");
        }
        String text = "From: MAILER-DAEMON@" + domain + "\r\n"
                + "To: " + from + "\r\n"
                + "Subject: Undelivered Mail Returned to Sender\r\n"
                + "Date: " + RFC_5322.format(dated) + "\r\n"
                + "Message-ID: <" + replyId + ">\r\n"
                + "Auto-Submitted: auto-replied\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"" + boundary + "\"\r\n\r\n"
                + "--" + boundary + "\r\nContent-Type: text/plain; charset=US-ASCII\r\n\r\n"
                + "This is the mail system at host mx." + domain + " (simulated).\r\n\r\n"
                + "Your message could not be delivered to <" + to + ">: the address does not exist.\r\n\r\n"
                + "--" + boundary + "\r\nContent-Type: message/delivery-status\r\n\r\n"
                + "Reporting-MTA: dns; mx." + domain + "\r\n\r\n"
                + "Final-Recipient: rfc822; " + to + "\r\nAction: failed\r\nStatus: 5.1.1\r\n"
                + "Diagnostic-Code: smtp; 550 5.1.1 <" + to + ">: Recipient address rejected: User unknown\r\n\r\n"
                + "--" + boundary + "\r\nContent-Type: text/rfc822-headers\r\n\r\n" + headers
                + "\r\n--" + boundary + "--\r\n";
        return new MimeMessage(session, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static String wording(Action action) {
        return switch (action) {
            case AUTO_REPLY -> "This is an automatic acknowledgement: we received your message and opened a ticket. "
                    + "Please keep the subject when you write again.";
            case REPLY -> "Thank you for your report; we are looking into it.";
            case CLARIFY -> "Thank you for your report. Could you send the complete log lines with their time zone, and tell us "
                    + "what you would like us to do?";
            case RESOLVED -> "We found the host in our network and stopped the activity; the incident is resolved on our side. Thank you.";
            case BOUNCE -> "";
        };
    }

    private static String sender(MimeMessage m) throws MessagingException {
        Address[] from = m.getFrom();
        if (from != null && from.length > 0 && from[0] instanceof InternetAddress a) {
            return a.getAddress().toLowerCase(Locale.ROOT);
        }
        return null;
    }

    private static String parameter(Part p, String name) throws MessagingException {
        try {
            return new ContentType(p.getContentType()).getParameter(name);
        } catch (jakarta.mail.internet.ParseException e) {
            return null;
        }
    }

    /** The readable text of a message: its text/plain parts, decoded, signed parts included. */
    private static void text(Part p, StringBuilder out, int depth) throws MessagingException, IOException {
        if (p.isMimeType("multipart/*") && depth < 6) {
            Multipart mp = JakartaMail.multipart(p);
            for (int i = 0; i < mp.getCount(); i++) {
                text(mp.getBodyPart(i), out, depth + 1);
            }
        } else if (p.isMimeType("text/plain") && out.length() < MAX_TEXT) {
            String charset = parameter(p, "charset");
            try (InputStream in = p.getInputStream()) {
                byte[] b = in.readNBytes(MAX_TEXT);
                out.append(new String(b, charset == null ? StandardCharsets.US_ASCII : java.nio.charset.Charset.forName(charset))).append('\n');
            } catch (java.nio.charset.UnsupportedCharsetException | java.nio.charset.IllegalCharsetNameException e) {
                out.append('\n');
            }
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        mail.stop();
    }
}
