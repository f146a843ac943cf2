package cn.minqing.platform;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.PersistenceSession;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManagerFactory;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.stereotype.Component;

/**
 * Camunda 7.24 checks the id of every row it inserts with a message built beforehand — {@code "Entity " + entity + "
 * has an invalid id"} — so every insert renders the entity's {@code toString()}, dates and all ({@code Date.toString}
 * looks up the time zone's display name): about 4 % of the app's CPU in the load benchmark (issue 16), for a message
 * shown only when the id is missing or {@code *}. Here the engine's entity manager makes the same check and builds the
 * same message only then; everything else is Camunda's own.
 */
@Component
class EntityIdCheckPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<SessionFactory> custom = configuration.getCustomSessionFactories() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomSessionFactories());
        custom.add(new Factory(configuration));
        configuration.setCustomSessionFactories(custom);
    }

    /** Camunda's entity manager factory, making {@link Manager}s (the id generator is read when the engine runs). */
    static final class Factory extends DbEntityManagerFactory {

        private final ProcessEngineConfigurationImpl configuration;

        Factory(ProcessEngineConfigurationImpl configuration) {
            super(null);
            this.configuration = configuration;
        }

        @Override
        public DbEntityManager openSession() {
            PersistenceSession persistence = Context.getCommandContext().getSession(PersistenceSession.class);
            return new Manager(configuration.getIdGenerator(), persistence);
        }
    }

    /** Camunda's entity manager; an id that passes the check needs no message. */
    static final class Manager extends DbEntityManager {

        Manager(org.camunda.bpm.engine.impl.cfg.IdGenerator ids, PersistenceSession persistence) {
            super(ids, persistence);
        }

        @Override
        protected void validateId(DbEntity entity) {
            String id = entity.getId();
            if (id == null || Authorization.ANY.equals(id)) {
                super.validateId(entity); // Camunda's own failure, with its message
            }
        }
    }
}
