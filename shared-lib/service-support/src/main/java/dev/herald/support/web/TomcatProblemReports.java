package dev.herald.support.web;

import org.apache.catalina.Context;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.TomcatContextCustomizer;

/**
 * Makes {@link ProblemReportValve} the host's only error report. Tomcat adds its HTML report when the host
 * starts and Spring Boot adds one of its own, so the others are removed once the host has started.
 */
public final class TomcatProblemReports implements TomcatContextCustomizer {

    @Override
    public void customize(Context context) {
        if (!(context.getParent() instanceof StandardHost host)) {
            return;
        }
        host.setErrorReportValveClass(ProblemReportValve.class.getName());
        host.addLifecycleListener(event -> {
            if (Lifecycle.AFTER_START_EVENT.equals(event.getType())) {
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve && !(valve instanceof ProblemReportValve)) {
                        host.getPipeline().removeValve(valve);
                    }
                }
            }
        });
    }
}
