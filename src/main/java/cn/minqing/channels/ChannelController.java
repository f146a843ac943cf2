package cn.minqing.channels;

import cn.minqing.people.Principal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own channels: {inApp, sms, wechat, quietHours: {from, to}}. */
@RestController
class ChannelController {

    private final ChannelSettings settings;

    ChannelController(ChannelSettings settings) {
        this.settings = settings;
    }

    @GetMapping("/api/me/channels")
    ChannelChoice mine(@AuthenticationPrincipal Principal me) {
        return settings.of(me.getUsername());
    }

    @PutMapping("/api/me/channels")
    ChannelChoice choose(@AuthenticationPrincipal Principal me, @RequestBody ChannelChoice choice) {
        return settings.choose(me.getUsername(), choice);
    }
}
