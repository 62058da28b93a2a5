package liaison.plugins;

import java.net.URI;
import java.util.List;
import java.util.function.Consumer;

import liaison.api.LiaisonException;

/**
 * Adds teams' own features (bundles providing Liaison's extension services) to the installed
 * product, lists and removes them, through p2 on the running installation's profile. Changes take
 * effect at the next start of {@code liaison} or {@code liaison-gui}.
 */
public interface PluginManager {

    /** Every feature installed in the product, Liaison's own first. */
    List<InstalledFeature> list() throws LiaisonException;

    /**
     * Installs features from a p2 repository (a directory or a file:, http: or https: URL) with
     * everything they require that the product lacks.
     *
     * @param featureIds feature ids as their authors name them ({@code org.example.liaison.feature});
     *                   the {@code .feature.group} suffix of p2 is added when missing
     * @throws LiaisonException when the repository cannot be read, a feature is not in it, or the
     *                          installation would not resolve (the message names what is missing);
     *                          the product is then unchanged
     */
    List<InstalledFeature> install(URI repository, List<String> featureIds, Consumer<String> progress) throws LiaisonException;

    /** Uninstalls features installed with {@link #install}; Liaison's own features cannot be removed. */
    List<InstalledFeature> remove(List<String> featureIds, Consumer<String> progress) throws LiaisonException;

    /**
     * A feature of the product.
     *
     * @param id      feature id without p2's {@code .feature.group} suffix
     * @param version its version
     * @param name    its human-readable name, or the id
     * @param builtIn true for the features Liaison ships with
     */
    record InstalledFeature(String id, String version, String name, boolean builtIn) {
    }
}
