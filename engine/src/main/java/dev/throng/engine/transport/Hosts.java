package dev.throng.engine.transport;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** Facts about this host and process for hellos and ids. */
final class Hosts {
    private Hosts() {}

    static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }

    /** E.g. {@code controller@host#1234}. */
    static String processName(String role) {
        return role + "@" + hostName() + "#" + ProcessHandle.current().pid();
    }

    /** The process's limit of open files, or -1 when the platform does not say. */
    static long openFileLimit() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            return unix.getMaxFileDescriptorCount();
        }
        return -1;
    }
}
