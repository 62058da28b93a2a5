package liaison.directory.ui.internal;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/** Shows what an import or sync changed; for a dry run, asks whether to apply it. */
final class ResultDialog extends Dialog {

    private final String title;
    private final String text;
    private final boolean confirm;

    ResultDialog(Shell parent, String title, String text, boolean confirm) {
        super(parent);
        this.title = title;
        this.text = text;
        this.confirm = confirm;
        setShellStyle(getShellStyle() | SWT.RESIZE);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(title);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        Text t = new Text(area, SWT.MULTI | SWT.READ_ONLY | SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
        t.setText(text);
        GridDataFactory.fillDefaults().grab(true, true).hint(640, 360).applyTo(t);
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        if (confirm) {
            createButton(parent, IDialogConstants.OK_ID, "Apply", true);
            createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
        } else {
            createButton(parent, IDialogConstants.OK_ID, IDialogConstants.CLOSE_LABEL, true);
        }
    }
}
