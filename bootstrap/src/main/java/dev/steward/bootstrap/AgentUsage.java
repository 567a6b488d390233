package dev.steward.bootstrap;

import com.sun.management.OperatingSystemMXBean;
import dev.steward.domain.diagnostics.Diagnostics.ResourceUsage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The agent measuring itself, for its check-ins: CPU, memory and I/O of its container as the container's own cgroup
 * (v1 or v2) and network namespace report them, so Diagnostics shows real figures whichever node runs the agent and
 * whichever runtime started it. Outside a container (or where a file is missing) the JVM's process figures stand in.
 * CPU is the share of one core used since the previous sample (the first sample: since the process started).
 */
final class AgentUsage implements Supplier<Optional<ResourceUsage>> {

    private final Path cgroup;
    private final Path proc;
    private long lastCpuNanos = -1;
    private long lastWallNanos;

    AgentUsage() {
        this(Path.of("/sys/fs/cgroup"), Path.of("/proc"));
    }

    AgentUsage(Path cgroup, Path proc) {
        this.cgroup = cgroup;
        this.proc = proc;
    }

    @Override
    public synchronized Optional<ResourceUsage> get() {
        try {
            long wall = System.nanoTime();
            long cpu = cpuNanos();
            double percent;
            if (lastCpuNanos < 0) {
                long uptime = ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000L;
                percent = uptime <= 0 ? 0 : 100.0 * Math.min(cpu, os().getProcessCpuTime()) / uptime;
            } else {
                long elapsed = wall - lastWallNanos;
                percent = elapsed <= 0 ? 0 : 100.0 * Math.max(0, cpu - lastCpuNanos) / elapsed;
            }
            lastCpuNanos = cpu;
            lastWallNanos = wall;
            long[] network = network();
            long[] block = block();
            return Optional.of(new ResourceUsage(Math.max(0, percent), memoryUsed(), memoryLimit(), network[0],
                    network[1], block[0], block[1]));
        } catch (RuntimeException e) {
            return Optional.empty(); // a figure we cannot read is not worth a failed check-in
        }
    }

    private long cpuNanos() {
        return number(cgroup.resolve("cpuacct/cpuacct.usage"))
                .or(() -> field(cgroup.resolve("cpu.stat"), "usage_usec").map(micros -> micros * 1_000))
                .orElseGet(() -> os().getProcessCpuTime());
    }

    private long memoryUsed() {
        Optional<Long> v1 = number(cgroup.resolve("memory/memory.usage_in_bytes"))
                .map(used -> used - field(cgroup.resolve("memory/memory.stat"), "total_inactive_file").orElse(0L));
        Optional<Long> v2 = number(cgroup.resolve("memory.current"))
                .map(used -> used - field(cgroup.resolve("memory.stat"), "inactive_file").orElse(0L));
        return Math.max(0, v1.or(() -> v2).orElseGet(() -> field(proc.resolve("self/status"), "VmRSS:")
                .map(kb -> kb * 1024).orElse(0L)));
    }

    private long memoryLimit() {
        long machine = os().getTotalMemorySize();
        return number(cgroup.resolve("memory/memory.limit_in_bytes"))
                .or(() -> number(cgroup.resolve("memory.max")))
                .filter(limit -> limit > 0 && limit < machine)
                .orElse(machine);
    }

    /** Bytes received and sent on every interface but loopback, from the agent's network namespace. */
    private long[] network() {
        long rx = 0;
        long tx = 0;
        for (String line : lines(proc.resolve("self/net/dev"))) {
            int colon = line.indexOf(':');
            if (colon < 0 || line.substring(0, colon).strip().equals("lo")) {
                continue;
            }
            String[] fields = line.substring(colon + 1).strip().split("\\s+");
            if (fields.length >= 9) {
                rx += Long.parseLong(fields[0]);
                tx += Long.parseLong(fields[8]);
            }
        }
        return new long[] {rx, tx};
    }

    /** Bytes read and written to block devices: the cgroup's (v1 blkio, v2 io.stat), else the process's. */
    private long[] block() {
        long read = 0;
        long written = 0;
        List<String> v1 = lines(cgroup.resolve("blkio/blkio.throttle.io_service_bytes"));
        List<String> v2 = lines(cgroup.resolve("io.stat"));
        if (!v1.isEmpty()) {
            for (String line : v1) {
                String[] f = line.strip().split("\\s+");
                if (f.length == 3 && f[1].equals("Read")) {
                    read += Long.parseLong(f[2]);
                } else if (f.length == 3 && f[1].equals("Write")) {
                    written += Long.parseLong(f[2]);
                }
            }
        } else if (!v2.isEmpty()) {
            for (String line : v2) {
                for (String pair : line.strip().split("\\s+")) {
                    if (pair.startsWith("rbytes=")) {
                        read += Long.parseLong(pair.substring(7));
                    } else if (pair.startsWith("wbytes=")) {
                        written += Long.parseLong(pair.substring(7));
                    }
                }
            }
        } else {
            read = field(proc.resolve("self/io"), "read_bytes:").orElse(0L);
            written = field(proc.resolve("self/io"), "write_bytes:").orElse(0L);
        }
        return new long[] {read, written};
    }

    private static OperatingSystemMXBean os() {
        return (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    }

    private static Optional<Long> number(Path file) {
        List<String> lines = lines(file);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(lines.getFirst().strip()));
        } catch (NumberFormatException e) {
            return Optional.empty(); // "max": no limit
        }
    }

    /** The number after {@code key} on the line starting with it ({@code VmRSS:   1234 kB} gives 1234). */
    private static Optional<Long> field(Path file, String key) {
        for (String line : lines(file)) {
            if (line.startsWith(key + " ") || line.startsWith(key + "\t") || (key.endsWith(":") && line.startsWith(key))) {
                String[] parts = line.substring(key.length()).strip().split("\\s+");
                try {
                    return Optional.of(Long.parseLong(parts[0]));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private static List<String> lines(Path file) {
        try {
            return Files.isReadable(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }
}
