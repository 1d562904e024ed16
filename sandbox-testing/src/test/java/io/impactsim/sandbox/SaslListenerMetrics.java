package io.impactsim.sandbox;

import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/** The broker's own count of successful authentications on a listener (it runs in this JVM). */
final class SaslListenerMetrics {
  private SaslListenerMetrics() {}

  static long successfulAuthentications(String listener) throws JMException {
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    ObjectName pattern =
        new ObjectName(
            "kafka.server:type=socket-server-metrics,listener=" + listener + ",networkProcessor=*");
    long total = 0;
    for (ObjectName name : server.queryNames(pattern, null)) {
      total += ((Number) server.getAttribute(name, "successful-authentication-total")).longValue();
    }
    return total;
  }
}
