package cn.minqing.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.minqing.support.ApiTest;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine inserts through {@link EntityIdCheckPlugin}'s entity manager: a good id is let through without rendering
 * the entity, a missing or reserved one fails with Camunda's own message (issue 16).
 */
class EntityIdCheckTest extends ApiTest {

    @Autowired
    ProcessEngine engine;

    @Test
    void theEngineUsesTheCheckThatBuildsItsMessageOnlyOnFailure() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.getSessionFactories().get(DbEntityManager.class)).isInstanceOf(EntityIdCheckPlugin.Factory.class);

        EntityIdCheckPlugin.Manager manager = new EntityIdCheckPlugin.Manager(null, null);
        Row good = new Row("a1b2");
        manager.validateId(good);
        assertThat(good.rendered.get()).as("a good id needs no message").isZero();

        Row missing = new Row(null);
        assertThatThrownBy(() -> manager.validateId(missing)).isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("Entity row has an invalid id");
        assertThatThrownBy(() -> manager.validateId(new Row("*"))).isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("reserved identifier");
    }

    /** An entity that counts how often it is rendered. */
    private static final class Row implements DbEntity {
        private String id;
        final AtomicInteger rendered = new AtomicInteger();

        Row(String id) {
            this.id = id;
        }

        @Override
        public String getId() {
            return id;
        }

        @Override
        public void setId(String id) {
            this.id = id;
        }

        @Override
        public Object getPersistentState() {
            return id;
        }

        @Override
        public String toString() {
            rendered.incrementAndGet();
            return "row";
        }
    }
}
