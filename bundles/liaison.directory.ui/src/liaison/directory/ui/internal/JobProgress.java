package liaison.directory.ui.internal;

import org.eclipse.core.runtime.IProgressMonitor;

import liaison.api.directory.DirectorySource.ProgressListener;

/** Reports a directory read's progress to a job's monitor. */
final class JobProgress {

    static final int UNKNOWN = IProgressMonitor.UNKNOWN;

    private JobProgress() {
    }

    static ProgressListener listener(IProgressMonitor monitor) {
        return (done, total, what) -> monitor.subTask(total > 0 ? done + " of " + total + ": " + what : done + ": " + what);
    }
}
