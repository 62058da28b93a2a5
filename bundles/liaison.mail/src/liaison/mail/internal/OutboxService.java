package liaison.mail.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceException;
import liaison.api.LiaisonException;
import liaison.api.transport.DeliveryReceipt;
import liaison.api.transport.OutgoingMessage;
import liaison.api.transport.Transport;
import liaison.mail.ContactStats;
import liaison.mail.DeliveryException;
import liaison.mail.Outbox;
import liaison.mail.OutboxEntry;
import liaison.mail.OutboxEntry.State;
import liaison.mail.Reply;
import liaison.mail.ReplyKind;
import liaison.mail.SendSummary;
import liaison.store.Database;
import liaison.store.StoreException;
import liaison.store.Workspace;

/** The outbox in the workspace database (schema module {@code mail}). */
@Component(service = Outbox.class, configurationPid = Workspace.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
public class OutboxService implements Outbox {

    private final Database database;
    private EntityManagerFactory emf;

    @Activate
    public OutboxService(@Reference Database database) {
        this.database = database;
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
        EntityManager em = emf().createEntityManager();
        try {
            em.getTransaction().begin();
            T result = work.apply(em);
            em.getTransaction().commit();
            return result;
        } catch (PersistenceException e) {
            throw new StoreException("outbox: cannot " + what + ": " + e.getMessage(), e);
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    @Override
    public synchronized boolean enqueue(OutgoingMessage m) throws LiaisonException {
        return inTransaction("queue " + m.ticketId(), em -> {
            if (em.find(OutboxRecord.class, m.messageId()) != null) {
                return false;
            }
            em.persist(new OutboxRecord(m.messageId(), m.ticketId(), m.sender(), m.recipients(), m.subject(), m.mime(), Instant.now()));
            return true;
        });
    }

    @Override
    public List<OutboxEntry> entries() throws LiaisonException {
        return inTransaction("list messages", em -> em.createQuery(
                "SELECT o FROM OutboxRecord o ORDER BY o.queuedAt, o.messageId", OutboxRecord.class)
                .getResultList().stream().map(OutboxRecord::entry).toList());
    }

    @Override
    public synchronized SendSummary send(Transport transport, boolean resendUncertain) throws LiaisonException {
        // A message still SENDING was with the transport when an earlier run ended: it may have left.
        int uncertain = inTransaction("recover interrupted sends", em -> {
            List<OutboxRecord> interrupted = byState(em, State.SENDING);
            interrupted.forEach(r -> r.state(State.UNCERTAIN));
            if (resendUncertain) {
                byState(em, State.UNCERTAIN).forEach(r -> r.state(State.QUEUED));
            }
            return resendUncertain ? 0 : byState(em, State.UNCERTAIN).size();
        });
        List<String> queued = inTransaction("list queued messages",
                em -> byState(em, State.QUEUED).stream().map(OutboxRecord::messageId).toList());
        int sent = 0, deferred = 0, failed = 0;
        List<String> problems = new ArrayList<>();
        for (String id : queued) {
            OutgoingMessage message = inTransaction("mark " + id + " as sending", em -> {
                OutboxRecord r = em.find(OutboxRecord.class, id);
                r.sending(Instant.now());
                return new OutgoingMessage(r.messageId(), r.ticketId(), r.sender(), r.recipients(), r.subject(), r.mime());
            });
            try {
                DeliveryReceipt receipt = transport.deliver(message);
                inTransaction("mark " + id + " as sent", em -> {
                    em.find(OutboxRecord.class, id).sent(receipt.at(), receipt.detail());
                    return null;
                });
                sent++;
            } catch (LiaisonException e) {
                boolean permanent = e instanceof DeliveryException d && d.permanent();
                inTransaction("record the failure of " + id, em -> {
                    em.find(OutboxRecord.class, id).failed(permanent ? State.FAILED : State.QUEUED, e.getMessage());
                    return null;
                });
                problems.add(message.ticketId() + ": " + e.getMessage());
                if (permanent) {
                    failed++;
                } else {
                    deferred++;
                }
            }
        }
        return new SendSummary(sent, deferred, failed, uncertain, problems);
    }

    private static List<OutboxRecord> byState(EntityManager em, State state) {
        return em.createQuery("SELECT o FROM OutboxRecord o WHERE o.state = :s ORDER BY o.queuedAt, o.messageId", OutboxRecord.class)
                .setParameter("s", state.name()).getResultList();
    }

    @Override
    public Optional<OutboxEntry> find(List<String> messageIds, List<String> ticketIds) throws LiaisonException {
        return inTransaction("look up a report", em -> {
            for (String id : messageIds) {
                OutboxRecord r = em.find(OutboxRecord.class, id);
                if (r != null) {
                    return Optional.of(r.entry());
                }
            }
            for (String ticket : ticketIds) {
                List<OutboxRecord> r = em.createQuery("SELECT o FROM OutboxRecord o WHERE o.ticketId = :t ORDER BY o.queuedAt",
                        OutboxRecord.class).setParameter("t", ticket).getResultList();
                if (!r.isEmpty()) {
                    return Optional.of(r.get(0).entry());
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
        List<OutboxEntry> sent = entries().stream().filter(e -> e.state() == State.SENT).toList();
        Map<String, List<Reply>> byMessage = new HashMap<>();
        for (Reply r : replies()) {
            byMessage.computeIfAbsent(r.messageId(), k -> new ArrayList<>()).add(r);
        }
        Map<String, int[]> counts = new LinkedHashMap<>();
        Map<String, Map<ReplyKind, Integer>> kinds = new HashMap<>();
        Map<String, List<Duration>> firsts = new HashMap<>();
        for (OutboxEntry e : sent) {
            List<Reply> answers = byMessage.getOrDefault(e.messageId(), List.of());
            Instant first = answers.stream().filter(r -> r.kind() != ReplyKind.BOUNCE).map(Reply::receivedAt).min(Instant::compareTo).orElse(null);
            for (String contact : e.recipients()) {
                int[] c = counts.computeIfAbsent(contact, k -> new int[2]);
                c[0]++;
                Map<ReplyKind, Integer> k = kinds.computeIfAbsent(contact, x -> new EnumMap<>(ReplyKind.class));
                answers.forEach(r -> k.merge(r.kind(), 1, Integer::sum));
                if (first != null) {
                    c[1]++;
                    firsts.computeIfAbsent(contact, x -> new ArrayList<>()).add(Duration.between(e.sentAt(), first));
                }
            }
        }
        List<ContactStats> out = new ArrayList<>();
        counts.forEach((contact, c) -> out.add(new ContactStats(contact, c[0], kinds.get(contact), c[1], median(firsts.get(contact)))));
        out.sort(java.util.Comparator.comparing(ContactStats::contact));
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
