package liaison.drill.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.annotations.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import liaison.api.LiaisonException;
import liaison.api.drill.ScenarioDescriptor;
import liaison.api.drill.ScenarioProvider;

/**
 * Liaison's own scenarios, provided like any team's: packs kept in this bundle under
 * {@code scenarios/<id>/}.
 */
@Component(service = ScenarioProvider.class)
public class BuiltInScenarios implements ScenarioProvider {

    private static final String ROOT = "scenarios/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Bundle bundle() {
        return FrameworkUtil.getBundle(BuiltInScenarios.class);
    }

    @Override
    public List<ScenarioDescriptor> scenarios() {
        List<ScenarioDescriptor> out = new ArrayList<>();
        Enumeration<URL> manifests = bundle().findEntries(ROOT, "scenario.json", true);
        for (URL url : manifests == null ? List.<URL>of() : Collections.list(manifests)) {
            try (InputStream in = url.openStream()) {
                JsonNode s = JSON.readTree(in);
                out.add(new ScenarioDescriptor(s.path("id").asText(), s.path("title").asText(), s.path("summary").asText("")));
            } catch (IOException | IllegalArgumentException e) {
                throw new IllegalStateException("the built-in scenario " + url.getPath() + " is broken: " + e.getMessage(), e);
            }
        }
        return out;
    }

    @Override
    public void export(String id, Path target) throws LiaisonException {
        String prefix = ROOT + id + "/";
        Enumeration<URL> entries = bundle().findEntries(prefix, "*", true);
        if (entries == null || scenarios().stream().noneMatch(s -> s.id().equals(id))) {
            throw new LiaisonException("no built-in scenario '" + id + "'");
        }
        for (URL url : Collections.list(entries)) {
            String path = url.getPath();
            String relative = path.substring(path.indexOf(prefix) + prefix.length());
            if (relative.isEmpty() || relative.endsWith("/")) {
                continue;
            }
            Path file = target.resolve(relative).normalize();
            try (InputStream in = url.openStream()) {
                Files.createDirectories(file.getParent());
                Files.copy(in, file);
            } catch (IOException e) {
                throw new LiaisonException("cannot write scenario " + id + " into " + target + ": " + e.getMessage(), e);
            }
        }
    }
}
