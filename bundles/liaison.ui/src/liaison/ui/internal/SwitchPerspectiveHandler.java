package liaison.ui.internal;

import java.util.List;

import jakarta.inject.Named;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;

/**
 * Window ▸ Perspective ▸ …: shows the perspective the menu item names. Bundles add perspectives to
 * {@value #STACK} and a menu item with {@value #PARAMETER} set to their perspective's id.
 */
public class SwitchPerspectiveHandler {

    /** The window's perspective stack, where bundles' fragments add their perspectives. */
    public static final String STACK = "liaison.ui.perspectivestack";
    /** The command parameter naming the perspective. */
    public static final String PARAMETER = "liaison.ui.perspective.id";

    @Execute
    void switchTo(@Named(PARAMETER) String id, MWindow window, EModelService models, EPartService parts) {
        List<MPerspective> found = models.findElements(window, id, MPerspective.class);
        if (!found.isEmpty()) {
            parts.switchPerspective(found.get(0));
        }
    }
}
