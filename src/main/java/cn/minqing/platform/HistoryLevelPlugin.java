package cn.minqing.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Offers the {@link TrailHistoryLevel} to the engine ({@code camunda.bpm.history-level: trail}) and lets the configured
 * level win over the one a database was created with. Camunda refuses to start when {@code ACT_GE_PROPERTY}'s
 * {@code historyLevel} differs from its configuration; databases made before the {@code trail} level say {@code full}
 * (3). Before the engine checks, the row is rewritten to the configured level. Running instances are unaffected: the
 * level only decides which history rows are written from now on, and rows written before stay.
 */
@Component
class HistoryLevelPlugin extends AbstractProcessEnginePlugin {

    private static final Logger LOG = LoggerFactory.getLogger(HistoryLevelPlugin.class);

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryLevel> custom = configuration.getCustomHistoryLevels() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomHistoryLevels());
        if (!custom.contains(TrailHistoryLevel.INSTANCE)) {
            custom.add(TrailHistoryLevel.INSTANCE);
        }
        configuration.setCustomHistoryLevels(custom);
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        adopt(configuration.getDataSource(), configuration.getHistoryLevel());
    }

    /** Writes the level into an existing engine schema when it says another; a new database gets it from the engine. */
    static void adopt(DataSource dataSource, HistoryLevel level) {
        try (Connection c = dataSource.getConnection()) {
            if (!hasPropertyTable(c)) {
                return;
            }
            try (PreparedStatement update = c.prepareStatement("""
                    update act_ge_property set value_ = ?, rev_ = rev_ + 1
                     where name_ = 'historyLevel' and value_ <> ?""")) {
                String id = Integer.toString(level.getId());
                update.setString(1, id);
                update.setString(2, id);
                if (update.executeUpdate() > 0) {
                    LOG.warn("Engine history level of this database changed to '{}' ({}) as configured; "
                            + "history written before stays", level.getName(), id);
                }
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not set the engine's history level in ACT_GE_PROPERTY", e);
        }
    }

    private static boolean hasPropertyTable(Connection c) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("select to_regclass('act_ge_property') is not null");
             ResultSet rs = q.executeQuery()) {
            return rs.next() && rs.getBoolean(1);
        }
    }
}
