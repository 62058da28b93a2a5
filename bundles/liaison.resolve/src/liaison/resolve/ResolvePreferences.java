package liaison.resolve;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

import liaison.api.LiaisonException;

/**
 * The resolver's preferences in a workspace ({@code resolve.properties}): the endpoints file used when
 * {@code --endpoints} is not given, so an air-gapped installation sets it once, from the command line
 * or the Lookup view.
 */
public final class ResolvePreferences {

    static final String FILE = "resolve.properties";
    static final String ENDPOINTS = "endpoints";

    private ResolvePreferences() {
    }

    /** The endpoints file the workspace names, if any. */
    public static Optional<Path> endpointsFile(Path workspace) throws LiaisonException {
        String v = load(workspace).getProperty(ENDPOINTS);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(Path.of(v.strip()));
    }

    /** Names the endpoints file for the workspace; null removes the preference. */
    public static void setEndpointsFile(Path workspace, Path file) throws LiaisonException {
        Properties p = load(workspace);
        if (file == null) {
            p.remove(ENDPOINTS);
        } else {
            p.setProperty(ENDPOINTS, file.toAbsolutePath().normalize().toString());
        }
        Path target = workspace.resolve(FILE);
        Path tmp = workspace.resolve(FILE + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(w, "Liaison resolver preferences");
        } catch (IOException e) {
            throw new LiaisonException("cannot write " + target + ": " + e.getMessage(), e);
        }
        try {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new LiaisonException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    private static Properties load(Path workspace) throws LiaisonException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(workspace.resolve(FILE), StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (NoSuchFileException e) {
            return p;
        } catch (IOException | IllegalArgumentException e) {
            throw new LiaisonException("cannot read " + workspace.resolve(FILE) + ": " + e.getMessage(), e);
        }
        return p;
    }
}
