package org.example.liaison.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import liaison.api.InputException;
import liaison.api.LiaisonException;
import liaison.api.directory.DirectorySource.ProgressListener;
import liaison.api.directory.SourceSnapshot;
import liaison.api.model.Resource;
import liaison.api.report.Evidence;
import liaison.api.report.IncidentType;
import liaison.api.report.RenderedReport;
import liaison.api.report.Report;
import liaison.api.report.Reporter;
import liaison.api.report.Tlp;
import liaison.api.transport.DeliveryException;
import liaison.api.transport.DeliveryReceipt;
import liaison.api.transport.OutgoingMessage;

/** The example's services on their own, against real local HTTP servers. */
class ExampleExtensionTest {

    private static HttpServer serve(String path, String contentType, byte[] body, List<String> received) throws Exception {
        return serve(path, 200, contentType, body, received);
    }

    private static HttpServer serve(String path, int status, String contentType, byte[] body, List<String> received) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(path, exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.getResponseHeaders().add("Content-Type", contentType);
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }

    @Test
    void csvSourceMapsConfiguredColumns() throws Exception {
        String csv = "Handle,Team,Full name,CC,Mail\r\nT1,CERT-X,\"Computer Emergency Response Team, X\",xx,cert@x.example\r\n"
                + "T2,Y-CSIRT,,YY,\n";
        HttpServer server = serve("/teams.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8), new ArrayList<>());
        try {
            CsvDirectorySource source = new CsvDirectorySource();
            source.configure(Map.of("columns", "key=Handle,short_name=Team,official_name=Full name,country=CC,email=Mail"));
            SourceSnapshot snapshot = source.read(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/teams.csv"),
                    ProgressListener.NONE);
            assertEquals(2, snapshot.teams().size());
            var x = snapshot.teams().get(0);
            assertEquals("T1", x.sourceKey());
            assertEquals("Computer Emergency Response Team, X", x.officialName(), "quoted comma kept");
            assertEquals("XX", x.country());
            assertEquals(List.of("cert@x.example"), x.emails());
            assertEquals(List.of(), snapshot.teams().get(1).emails());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void csvErrorsNameInputAndLine() throws Exception {
        InputException unclosed = assertThrows(InputException.class, () -> CsvDirectorySource.parse("teams.csv", "id,name\n1,\"open\n"));
        assertEquals(2, unclosed.line());
        java.nio.file.Path file = java.nio.file.Files.createTempFile("teams", ".csv");
        java.nio.file.Files.writeString(file, "handle,team\nT1,CERT-X\n");
        URI uri = file.toUri();
        InputException noKeyColumn = assertThrows(InputException.class, () -> new CsvDirectorySource().read(uri, ProgressListener.NONE));
        assertTrue(noKeyColumn.getMessage().startsWith(uri + ":1: no column 'id'"), noKeyColumn.getMessage());
        java.nio.file.Files.delete(file);
        LiaisonException missing = assertThrows(LiaisonException.class,
                () -> new CsvDirectorySource().read(URI.create("file:///nonexistent-example.csv"), ProgressListener.NONE));
        assertTrue(missing.getMessage().contains("nonexistent-example.csv"), missing.getMessage());
    }

    static Report report() {
        return new Report("LIA-1", new Reporter("CERT-Example", "Ann Handler", "cert@example.org", null, null),
                List.of("https://chat.example/hook"), new IncidentType("intrusion-attempts", "brute-force"),
                "SSH password guessing against our servers.",
                List.of(new Evidence(OffsetDateTime.parse("2026-11-20T10:15:30+01:00"), true,
                        "Nov 20 10:15:30 host sshd[1]: Failed password for root from 192.0.2.7 | x", Map.of())),
                List.of(Resource.parse("192.0.2.7")), "Please stop the attacks and check the host.", Tlp.AMBER, Instant.now());
    }

    @Test
    void markdownShowsUtcAndOriginalOffset() throws Exception {
        RenderedReport r = new MarkdownReportFormat().render(report());
        String md = new String(r.parts().get(0).content(), StandardCharsets.UTF_8);
        assertTrue(r.subject().contains("LIA-1"));
        assertTrue(md.contains("| 2026-11-20T09:15:30Z | +01:00 |"), md);
        assertTrue(md.contains("\\| x"), "pipes in log lines cannot break the table: " + md);
        assertTrue(md.contains("TLP:AMBER"));

        Report r0 = report();
        Report noLine = new Report(r0.ticketId(), r0.reporter(), r0.recipients(), r0.type(), r0.description(),
                List.of(new Evidence(null, false, null, Map.of())), r0.resources(), r0.requestedAction(), r0.tlp(), r0.created());
        String without = new String(new MarkdownReportFormat().render(noLine).parts().get(0).content(), StandardCharsets.UTF_8);
        assertTrue(without.contains("| unknown |  (assumed) | (no log line) |"), "evidence without time or raw line: " + without);
    }

    @Test
    void webhookPostsChatJson() throws Exception {
        List<String> received = new ArrayList<>();
        HttpServer server = serve("/hook", "text/plain", new byte[0], received);
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
            String mime = "Subject: [LIA-1] brute-force\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nPlease stop.\r\n";
            WebhookTransport transport = new WebhookTransport();
            assertTrue(transport.handles(url), url);
            DeliveryReceipt receipt = transport.deliver(new OutgoingMessage("m1@example", "LIA-1", "cert@example.org", List.of(url),
                    "[LIA-1] brute-force", mime.getBytes(StandardCharsets.UTF_8)));
            assertEquals("webhook", receipt.transportId());
            assertEquals(1, received.size());
            var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(received.get(0));
            assertTrue(json.get("text").asText().contains("[LIA-1] brute-force"), received.get(0));
            assertTrue(json.get("text").asText().contains("Please stop."), received.get(0));
        } finally {
            server.stop(0);
        }
        for (int status : new int[] { 404, 503 }) {
            HttpServer failing = serve("/hook", status, "text/plain", new byte[0], new ArrayList<>());
            try {
                String url = "http://127.0.0.1:" + failing.getAddress().getPort() + "/hook";
                DeliveryException e = assertThrows(DeliveryException.class, () -> new WebhookTransport().deliver(new OutgoingMessage(
                        "m2@example", "LIA-2", "cert@example.org", List.of(url), "s", "Subject: s\r\n\r\nx\r\n".getBytes(StandardCharsets.UTF_8))));
                assertEquals(status == 404, e.permanent(), "a deleted hook is final, an unavailable one is retried: " + e.getMessage());
            } finally {
                failing.stop(0);
            }
        }
    }
}
