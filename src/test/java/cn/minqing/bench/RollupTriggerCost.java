package cn.minqing.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL's own CPU per 受理-like transaction (the three updates 受理 makes to a received case's row: handling
 * organisation, deadlines, status) on two databases side by side — e.g. copies of a load benchmark run's database,
 * one with and one without a trigger change — in interleaved batches from one connection each, the backend's CPU read
 * from {@code /proc} (so the figure hardly depends on the machine's load; the server must run on this machine). Not
 * a test: {@code mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=cn.minqing.bench.RollupTriggerCost
 * -Dexec.args="jdbc:postgresql://…/postgres?user=postgres jdbc:postgresql://…/postgres?user=postgres 12 20"}
 * (rounds, transactions per batch). It changes the cases it uses: run it on copies.
 */
public final class RollupTriggerCost {

    private RollupTriggerCost() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[2]);
        int perBatch = Integer.parseInt(args[3]);
        Connection[] db = new Connection[2];
        long[] backend = new long[2];
        List<List<String>> cases = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            db[i] = DriverManager.getConnection(args[i]);
            try (Statement s = db[i].createStatement()) {
                s.execute("set synchronous_commit = off"); // the disk's wait is not what is measured
                backend[i] = single(s, "select pg_backend_pid()");
                List<String> numbers = new ArrayList<>();
                try (ResultSet r = s.executeQuery("select number from minqing.case_record where status = 'received' "
                        + "and handling_org is null and sign_due is null order by id")) {
                    while (r.next()) {
                        numbers.add(r.getString(1));
                    }
                }
                cases.add(numbers);
                System.out.printf("%s: %d received cases%n", args[i], numbers.size());
            }
            db[i].setAutoCommit(false);
        }
        String org;
        try (Statement s = db[0].createStatement(); ResultSet r = s.executeQuery("select min(code) from minqing.organisation")) {
            r.next();
            org = r.getString(1);
        }
        long[] ticks = new long[2];
        int[] done = new int[2];
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < 2; i++) {
                long before = cpuTicks(backend[i]);
                for (int k = 0; k < perBatch; k++) {
                    accept(db[i], cases.get(i).get(done[i]++), org);
                }
                ticks[i] += cpuTicks(backend[i]) - before;
            }
        }
        for (int i = 0; i < 2; i++) {
            System.out.printf("%s: %d transactions, %.2f ms of the backend's CPU each%n", args[i], done[i],
                    ticks[i] * 10.0 / done[i]);
        }
    }

    private static void accept(Connection c, String number, String org) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "update minqing.case_record set handling_org = ?, updated_at = now() where number = ?")) {
            p.setString(1, org);
            p.setString(2, number);
            p.executeUpdate();
        }
        try (PreparedStatement p = c.prepareStatement("""
                update minqing.case_record set sign_due = now() + interval '1 day', resolve_due = now() + interval '7 days',
                       warn_at = now() + interval '5 days', updated_at = now() where number = ?""")) {
            p.setString(1, number);
            p.executeUpdate();
        }
        try (PreparedStatement p = c.prepareStatement(
                "update minqing.case_record set status = 'dispatched', updated_at = now() where number = ?")) {
            p.setString(1, number);
            p.executeUpdate();
        }
        c.commit();
    }

    private static long single(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    /** utime + stime of a process in clock ticks (1/100 s), from /proc. */
    private static long cpuTicks(long pid) throws Exception {
        String[] f = Files.readString(Path.of("/proc/" + pid + "/stat")).replaceAll("^.*\\) ", "").split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }
}
