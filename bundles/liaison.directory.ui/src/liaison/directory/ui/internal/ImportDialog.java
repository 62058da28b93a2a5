package liaison.directory.ui.internal;

import java.util.List;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/** Asks what to import: a source and a file or URL. */
final class ImportDialog extends Dialog {

    private final List<String> sources;
    private Combo sourceCombo;
    private Text locationText;
    private String source;
    private String location;

    ImportDialog(Shell parent, List<String> sources) {
        super(parent);
        this.sources = sources;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("Import teams");
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        area.setLayout(new GridLayout(3, false));
        new Label(area, SWT.NONE).setText("Source:");
        sourceCombo = new Combo(area, SWT.READ_ONLY);
        sources.forEach(sourceCombo::add);
        sourceCombo.select(Math.max(0, sources.indexOf("ti")));
        GridDataFactory.fillDefaults().span(2, 1).applyTo(sourceCombo);
        new Label(area, SWT.NONE).setText("File or URL:");
        locationText = new Text(area, SWT.BORDER);
        GridDataFactory.fillDefaults().grab(true, false).hint(360, SWT.DEFAULT).applyTo(locationText);
        Button browse = new Button(area, SWT.PUSH);
        browse.setText("Browse\u2026");
        browse.addListener(SWT.Selection, e -> {
            String file = new FileDialog(getShell(), SWT.OPEN).open();
            if (file != null) {
                locationText.setText(file);
            }
        });
        return area;
    }

    @Override
    protected void okPressed() {
        source = sourceCombo.getText();
        location = locationText.getText().strip();
        if (location.isEmpty()) {
            locationText.setFocus();
            return;
        }
        super.okPressed();
    }

    String source() {
        return source;
    }

    String location() {
        return location;
    }
}
