package cn.minqing.platform;

import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * The DMN engine's FEEL is {@link RememberedFeel} in front of Camunda's Scala FEEL engine, made the way Camunda makes
 * it (with the configured custom FEEL functions), so the tables mean what they meant; only repeated answers are kept.
 */
@Component
class RememberedFeelPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration() != null
                ? configuration.getDmnEngineConfiguration()
                : (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        if (dmn.getFeelEngineFactory() == null && !configuration.isDmnFeelEnableLegacyBehavior()) {
            // the custom functions are read when the engine is made, after Camunda has put them in the configuration
            dmn.setFeelEngineFactory(() -> new RememberedFeel(
                    new ScalaFeelEngineFactory(dmn.getFeelCustomFunctionProviders()).createInstance()));
        }
        configuration.setDmnEngineConfiguration(dmn);
    }
}
