package cn.minqing.channels;

import cn.minqing.people.AccountOpenedForVillager;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A villager whose account a cadre opened may have only a basic phone: they hear by SMS unless they choose otherwise. */
@Component
class SmsForOpenedAccounts {

    private final ChannelChoices choices;

    SmsForOpenedAccounts(ChannelChoices choices) {
        this.choices = choices;
    }

    @EventListener
    void opened(AccountOpenedForVillager opened) {
        choices.smsByDefault(opened.username());
    }
}
