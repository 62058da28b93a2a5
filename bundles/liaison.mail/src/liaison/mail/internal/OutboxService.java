package liaison.mail.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import liaison.api.LiaisonException;
import liaison.api.transport.DeliveryException;
import liaison.api.transport.DeliveryReceipt;
import liaison.api.transport.OutgoingMessage;
import liaison.api.transport.Transport;
import liaison.isolation.ExtensionFailure;
import liaison.isolation.Extensions;
import liaison.mail.ContactStats;
import liaison.mail.Delivery;
import liaison.mail.Outbox;
import liaison.mail.OutboxEntry;
import liaison.mail.OutboxEntry.State;
import liaison.mail.Reply;
import liaison.mail.ReplyKind;
import liaison.mail.SendSummary;
import liaison.store.Database;
import liaison.store.StoreException;
import liaison.store.Transactions;
import liaison.store.Workspace;

/** The outbox in the workspace database (schema module {@code mail}). */
@Component(service = Outbox.class, configurationPid = Workspace.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
public class OutboxService implements Outbox {

    /** Longer than SMTP's own timeouts (15 s to connect, 60 s per read): a transport's own error is the better message. */
    static final Duration DELIVERY_TIMEOUT = Duration.ofMinutes(3);
    /** For the questions a transport must answer at once ({@code id}, {@code handles}). */
    private static final Duration ASK_TIMEOUT = Duration.ofSeconds(5);

    private final Database database;
    private EntityManagerFactory emf;
    /** {@link #DELIVERY_TIMEOUT}; shorter in tests. */
    Duration deliveryTimeout = DELIVERY_TIMEOUT;
    /** The installed transports with their service ranking and id. */
    private final Map<Transport, Installed> installed = new ConcurrentHashMap<>();

    private record Installed(int ranking, long serviceId) {
    }

    @Activate
    public OutboxService(@Reference Database database) {
        this.database = database;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addTransport(Transport transport, Map<String, Object> properties) {
        installed.put(transport, new Installed(properties.get(Constants.SERVICE_RANKING) instanceof Integer i ? i : 0,
                properties.get(Constants.SERVICE_ID) instanceof Long id ? id : Long.MAX_VALUE));
    }

    void removeTransport(Transport transport) {
        installed.remove(transport);
    }

    private synchronized EntityManagerFactory emf() throws StoreException {
        if (emf == null) {
            emf = database.open(new MailSchema(), OutboxService.class.getClassLoader());
        }
        return emf;
    }

    @Deactivate
    synchronized void close() {
        if (emf != null) {
            emf.close();
            emf = null;
        }
    }

    /** Runs work in one transaction, rolled back on any failure. */
    private <T> T inTransaction(String what, Function<EntityManager, T> work) throws LiaisonException {
        return Transactions.run(emf(), "outbox: cannot " + what, false, work::apply);
    }

    @Override
    public synchronized boolean enqueue(OutgoingMessage m) throws LiaisonException {
        return inTransaction("queue " + m.ticketId(), em -> {
            if (em.find(OutboxRecord.class, m.messageId()) != null) {
                return false;
            }
            OutboxRecord message = new OutboxRecord(m.messageId(), m.ticketId(), m.sender(), m.recipients(), m.subject(), m.mime(),
                    Instant.now());
            em.persist(message);
            // The message row first: deliveries reference it.
            em.flush();
            for (int i = 0; i < m.recipients().size(); i++) {
                em.persist(new DeliveryRecord(m.messageId(), i, m.recipients().get(i)));
            }
            return true;
        });
    }

    @Override
    public List<OutboxEntry> entries() throws LiaisonException {
        return inTransaction("list messages", em -> {
            Map<String, List<DeliveryRecord>> deliveries = new HashMap<>();
            for (DeliveryRecord d : em.createQuery("SELECT d FROM DeliveryRecord d ORDER BY d.messageId, d.position", DeliveryRecord.class)
                    .getResultList()) {
                deliveries.computeIfAbsent(d.messageId(), k -> new ArrayList<>()).add(d);
            }
            return em.createQuery("SELECT o FROM OutboxRecord o ORDER BY o.queuedAt, o.messageId", OutboxRecord.class).getResultList()
                    .stream().map(o -> o.entry(deliveries.getOrDefault(o.messageId(), List.of()))).toList();
        });
    }

    @Override
    public synchronized SendSummary send(List<Transport> transports, boolean resendUncertain) throws LiaisonException {
        // Transports that failed to say who they are or what they handle; named when a recipient finds no transport.
        Set<String> broken = new LinkedHashSet<>();
        List<Route> routes = routes(transports, broken);
        // A delivery still SENDING was with its transport when an earlier run ended: it may have arrived.
        inTransaction("recover interrupted sends", em -> {
            Set<String> changed = new LinkedHashSet<>();
            for (DeliveryRecord d : deliveries(em, State.SENDING)) {
                d.state(State.UNCERTAIN);
                changed.add(d.messageId());
            }
            if (resendUncertain) {
                for (DeliveryRecord d : deliveries(em, State.UNCERTAIN)) {
                    d.state(State.QUEUED);
                    changed.add(d.messageId());
                }
            }
            changed.forEach(id -> summarize(em, id));
            return null;
        });
        List<DeliveryRecord.Key> queued = inTransaction("list queued messages",
                em -> deliveries(em, State.QUEUED).stream().map(DeliveryRecord::key).toList());
        Set<String> touched = new LinkedHashSet<>();
        Map<String, Integer> byTransport = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        OutgoingMessage message = null;
        for (DeliveryRecord.Key key : queued) {
            DeliveryRecord delivery = inTransaction("read a queued delivery", em -> em.find(DeliveryRecord.class, key));
            String id = delivery.messageId();
            String recipient = delivery.recipient();
            if (message == null || !message.messageId().equals(id)) {
                message = inTransaction("read " + id, em -> {
                    OutboxRecord r = em.find(OutboxRecord.class, id);
                    return new OutgoingMessage(r.messageId(), r.ticketId(), r.sender(), List.of(recipient), r.subject(), r.mime());
                });
            }
            touched.add(id);
            String ticket = message.ticketId();
            Route route = route(routes, recipient, broken);
            if (route == null) {
                String reason = "no transport handles " + recipient + (routes.isEmpty() ? ""
                        : " (asked: " + String.join(", ", routes.stream().map(Route::id).toList()) + ")")
                        + (broken.isEmpty() ? "" : "; " + String.join("; ", broken));
                update(key, "record that no transport handles " + recipient, d -> d.failed(State.QUEUED, reason));
                problems.add(ticket + " to " + recipient + ": " + reason);
                continue;
            }
            update(key, "mark " + id + " to " + recipient + " as sending", d -> d.sending(route.id(), Instant.now()));
            OutgoingMessage one = message.to(recipient);
            try {
                DeliveryReceipt receipt = Extensions.call(route.transport(), "transport '" + route.id() + "' delivering " + ticket + " to "
                        + recipient, deliveryTimeout, () -> route.transport().deliver(one));
                String detail = receipt == null ? "accepted (no receipt)" : receipt.detail();
                Instant at = receipt == null || receipt.at() == null ? Instant.now() : receipt.at();
                update(key, "mark " + id + " to " + recipient + " as sent", d -> d.sent(at, detail));
                byTransport.merge(route.id(), 1, Integer::sum);
            } catch (ExtensionFailure e) {
                // It overran or broke its contract after being handed the message: it may have delivered.
                update(key, "record the failure of " + id, d -> d.failed(State.UNCERTAIN, e.getMessage()));
                problems.add(ticket + " to " + recipient + ": " + e.getMessage() + " (uncertain: not resent automatically)");
            } catch (LiaisonException e) {
                boolean permanent = e instanceof DeliveryException refused && refused.permanent();
                update(key, "record the failure of " + id, d -> d.failed(permanent ? State.FAILED : State.QUEUED, e.getMessage()));
                problems.add(ticket + " to " + recipient + ": " + e.getMessage());
            }
        }
        int[] counts = new int[State.values().length];
        for (OutboxEntry e : entries()) {
            if (touched.contains(e.messageId()) || e.state() == State.UNCERTAIN) {
                counts[e.state().ordinal()]++;
            }
        }
        return new SendSummary(counts[State.SENT.ordinal()], counts[State.QUEUED.ordinal()], counts[State.FAILED.ordinal()],
                counts[State.UNCERTAIN.ordinal()], problems, byTransport);
    }

    /** Changes one delivery and the message's summary in one transaction. */
    private void update(DeliveryRecord.Key key, String what, Consumer<DeliveryRecord> change) throws LiaisonException {
        inTransaction(what, em -> {
            DeliveryRecord d = em.find(DeliveryRecord.class, key);
            change.accept(d);
            em.flush();
            summarize(em, d.messageId());
            return null;
        });
    }

    private static void summarize(EntityManager em, String messageId) {
        em.find(OutboxRecord.class, messageId).summarize(em.createQuery(
                "SELECT d FROM DeliveryRecord d WHERE d.messageId = :m ORDER BY d.position", DeliveryRecord.class)
                .setParameter("m", messageId).getResultList());
    }

    private static List<DeliveryRecord> deliveries(EntityManager em, State state) {
        return em.createQuery("SELECT d FROM DeliveryRecord d, OutboxRecord o WHERE d.messageId = o.messageId AND d.state = :s"
                + " ORDER BY o.queuedAt, o.messageId, d.position", DeliveryRecord.class).setParameter("s", state.name()).getResultList();
    }

    /** A transport in the order of preference: highest ranking first; on ties the given ones, then by service id. */
    private record Route(Transport transport, String id, int ranking, long order) {
    }

    private List<Route> routes(List<Transport> given, Set<String> broken) {
        List<Route> routes = new ArrayList<>();
        for (Transport t : given) {
            routes.add(new Route(t, t.id(), 0, Long.MIN_VALUE + routes.size()));
        }
        installed.forEach((t, i) -> {
            try {
                routes.add(new Route(t, Extensions.call(t, "transport id", ASK_TIMEOUT, t::id), i.ranking(), i.serviceId()));
            } catch (LiaisonException e) {
                broken.add(e.getMessage());
            }
        });
        routes.sort(Comparator.comparingInt(Route::ranking).reversed().thenComparingLong(Route::order));
        return routes;
    }

    /** The first route that handles the recipient; a transport that fails to answer is skipped and noted. */
    private static Route route(List<Route> routes, String recipient, Set<String> broken) {
        for (Route r : routes) {
            try {
                if (Boolean.TRUE.equals(Extensions.call(r.transport(), "transport '" + r.id() + "' asked about " + recipient, ASK_TIMEOUT,
                        () -> r.transport().handles(recipient)))) {
                    return r;
                }
            } catch (LiaisonException e) {
                broken.add(e.getMessage());
            }
        }
        return null;
    }

    private static OutboxEntry entry(EntityManager em, OutboxRecord r) {
        return r.entry(em.createQuery("SELECT d FROM DeliveryRecord d WHERE d.messageId = :m ORDER BY d.position", DeliveryRecord.class)
                .setParameter("m", r.messageId()).getResultList());
    }

    @Override
    public Optional<OutboxEntry> find(List<String> messageIds, List<String> ticketIds) throws LiaisonException {
        return inTransaction("look up a report", em -> {
            for (String id : messageIds) {
                OutboxRecord r = em.find(OutboxRecord.class, id);
                if (r != null) {
                    return Optional.of(entry(em, r));
                }
            }
            for (String ticket : ticketIds) {
                List<OutboxRecord> r = em.createQuery("SELECT o FROM OutboxRecord o WHERE o.ticketId = :t ORDER BY o.queuedAt",
                        OutboxRecord.class).setParameter("t", ticket).getResultList();
                if (!r.isEmpty()) {
                    return Optional.of(entry(em, r.get(0)));
                }
            }
            return Optional.empty();
        });
    }

    @Override
    public synchronized boolean addReply(Reply reply) throws LiaisonException {
        return inTransaction("record the answer " + reply.key(), em -> {
            if (em.find(ReplyRecord.class, reply.key()) != null) {
                return false;
            }
            em.persist(new ReplyRecord(reply));
            return true;
        });
    }

    @Override
    public List<Reply> replies() throws LiaisonException {
        return inTransaction("list answers", em -> em.createQuery("SELECT r FROM ReplyRecord r ORDER BY r.receivedAt DESC", ReplyRecord.class)
                .getResultList().stream().map(ReplyRecord::reply).toList());
    }

    @Override
    public List<ContactStats> stats() throws LiaisonException {
        Map<String, List<Reply>> byMessage = new HashMap<>();
        for (Reply r : replies()) {
            byMessage.computeIfAbsent(r.messageId(), k -> new ArrayList<>()).add(r);
        }
        Map<String, int[]> counts = new LinkedHashMap<>();
        Map<String, Map<ReplyKind, Integer>> kinds = new HashMap<>();
        Map<String, List<Duration>> firsts = new HashMap<>();
        for (OutboxEntry e : entries()) {
            List<Reply> answers = byMessage.getOrDefault(e.messageId(), List.of());
            Instant first = answers.stream().filter(r -> r.kind() != ReplyKind.BOUNCE).map(Reply::receivedAt).min(Instant::compareTo).orElse(null);
            for (Delivery d : e.deliveries()) {
                if (d.state() != State.SENT) {
                    continue;
                }
                String contact = d.recipient();
                int[] c = counts.computeIfAbsent(contact, k -> new int[2]);
                c[0]++;
                Map<ReplyKind, Integer> k = kinds.computeIfAbsent(contact, x -> new EnumMap<>(ReplyKind.class));
                answers.forEach(r -> k.merge(r.kind(), 1, Integer::sum));
                if (first != null) {
                    c[1]++;
                    firsts.computeIfAbsent(contact, x -> new ArrayList<>()).add(Duration.between(d.sentAt(), first));
                }
            }
        }
        List<ContactStats> out = new ArrayList<>();
        counts.forEach((contact, c) -> out.add(new ContactStats(contact, c[0], kinds.get(contact), c[1], median(firsts.get(contact)))));
        out.sort(Comparator.comparing(ContactStats::contact));
        return out;
    }

    private static Duration median(List<Duration> d) {
        if (d == null || d.isEmpty()) {
            return null;
        }
        List<Duration> sorted = d.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : sorted.get(n / 2 - 1).plus(sorted.get(n / 2)).dividedBy(2);
    }
}
