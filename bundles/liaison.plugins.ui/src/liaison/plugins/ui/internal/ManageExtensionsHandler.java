package liaison.plugins.ui.internal;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Named;

/** Tools ▸ Extensions…: the same install, list and remove as {@code liaison plugins}. */
public class ManageExtensionsHandler {

    @Execute
    void open(@Named("activeShell") Shell shell) {
        new ExtensionsDialog(shell).open();
    }
}
