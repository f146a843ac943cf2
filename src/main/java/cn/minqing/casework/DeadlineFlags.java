package cn.minqing.casework;

import cn.minqing.cases.Cases;
import cn.minqing.cases.Timeline;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The deadline timers' work: yellow at 75% of the time allowed, red when overdue (then 督办 follows). */
@Configuration(proxyBeanMethods = false)
class DeadlineFlags {

    @Bean
    JavaDelegate deadlineYellow(Cases cases, Timeline timeline) {
        return execution -> {
            String number = (String) execution.getVariable(ProcessKeys.CASE_NUMBER);
            cases.flag(number, "yellow");
            timeline.record(number, "system", "deadline-yellow", null, "办理时限已过75%，黄牌预警");
        };
    }

    @Bean
    JavaDelegate deadlineRed(Cases cases, Timeline timeline) {
        return execution -> {
            String number = (String) execution.getVariable(ProcessKeys.CASE_NUMBER);
            cases.flag(number, "red");
            timeline.record(number, "system", "deadline-red", null, "已超过办理时限，红牌督办");
        };
    }
}
