package liaison.cli.internal.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

import liaison.api.LiaisonException;
import liaison.cli.internal.CliContext;
import liaison.store.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code liaison config set|unset|list}: the workspace's settings for components, Liaison's and
 * extensions' (configuration PID, property, value), applied whenever a process selects the workspace.
 */
@Command(name = "config", description = { "Settings for components, Liaison's and installed extensions', kept in the workspace",
        "(config/<PID>.cfg) and given to them through ConfigurationAdmin whenever the workspace is used." },
        subcommands = { ConfigCommand.Set.class, ConfigCommand.Unset.class, ConfigCommand.ListSettings.class })
public class ConfigCommand {

    /** The components that read a PID, for telling the user whether a setting reaches anything. */
    static List<String> readers(CliContext context, String pid) {
        List<String> names = new ArrayList<>();
        for (ServiceComponentRuntime scr : context.services(ServiceComponentRuntime.class)) {
            for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs()) {
                if (!"ignore".equals(d.configurationPolicy) && List.of(d.configurationPid).contains(pid)) {
                    names.add(d.name + " (" + d.bundle.symbolicName + ")");
                }
            }
        }
        return names;
    }

    @Command(name = "set", description = "Set a property of a configuration PID, e.g. 'config set org.example.liaison.csv columns key=id,...'.")
    public static class Set implements Callable<Integer> {
        private final CliContext context;

        @Parameters(index = "0", paramLabel = "PID")
        String pid;

        @Parameters(index = "1", paramLabel = "KEY")
        String key;

        @Parameters(index = "2", paramLabel = "VALUE")
        String value;

        public Set(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws LiaisonException {
            Settings.set(context.workspace().root(), pid, key, value);
            List<String> readers = readers(context, pid);
            if (readers.isEmpty()) {
                context.err().println("liaison: warning: no installed component reads configuration '" + pid
                        + "'; the setting is kept for when one is installed");
            } else if (!context.json()) {
                context.out().println(pid + " " + key + " set; read by " + String.join(", ", readers));
            }
            return 0;
        }
    }

    @Command(name = "unset", description = "Remove a property, or every property of the PID when KEY is left out.")
    public static class Unset implements Callable<Integer> {
        private final CliContext context;

        @Parameters(index = "0", paramLabel = "PID")
        String pid;

        @Parameters(index = "1", paramLabel = "KEY", arity = "0..1")
        String key;

        public Unset(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws LiaisonException {
            if (!Settings.unset(context.workspace().root(), pid, key)) {
                throw new LiaisonException("no setting " + pid + (key == null ? "" : " " + key) + " in this workspace");
            }
            return 0;
        }
    }

    @Command(name = "list", description = "List the workspace's settings (with --json: one object per property).")
    public static class ListSettings implements Callable<Integer> {
        private final CliContext context;

        public ListSettings(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws LiaisonException {
            for (Map.Entry<String, Map<String, String>> s : Settings.read(context.workspace().root()).entrySet()) {
                List<String> readers = readers(context, s.getKey());
                for (Map.Entry<String, String> p : s.getValue().entrySet()) {
                    if (context.json()) {
                        Map<String, Object> o = new LinkedHashMap<>();
                        o.put("pid", s.getKey());
                        o.put("key", p.getKey());
                        o.put("value", p.getValue());
                        o.put("components", readers);
                        context.emitJson(o);
                    } else {
                        context.out().printf("%s %s=%s%s%n", s.getKey(), p.getKey(), p.getValue(),
                                readers.isEmpty() ? "  (no installed component reads it)" : "");
                    }
                }
            }
            return 0;
        }
    }
}
