package org.example.liaison.internal;

import org.osgi.service.component.annotations.Component;

import liaison.api.report.RenderedReport;
import liaison.api.report.Report;
import liaison.api.report.ReportFormat;

/**
 * A deliberately faulty format: it throws an unchecked exception, as buggy third-party code does.
 * Liaison must contain it — report the failure with this bundle's name and keep working — which the
 * example's installation test checks.
 */
@Component
public class BrokenReportFormat implements ReportFormat {

    @Override
    public String id() {
        return "broken";
    }

    @Override
    public String displayName() {
        return "Always fails (example of a faulty extension)";
    }

    @Override
    public RenderedReport render(Report report) {
        throw new IllegalStateException("the broken example format fails on purpose");
    }
}
