package liaison.cli.internal;

import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.Version;

import picocli.CommandLine.IVersionProvider;

/** Prints the version of this build: the bundle's version, its qualifier being the build time stamp. */
public class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        Version v = FrameworkUtil.getBundle(VersionProvider.class).getVersion();
        String base = v.getMajor() + "." + v.getMinor() + "." + v.getMicro();
        String build = v.getQualifier().isEmpty() ? "" : " (build " + v.getQualifier() + ")";
        return new String[] { "liaison " + base + build, "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")" };
    }
}
