package cn.minqing.notify;

import cn.minqing.people.Principal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Every page's header shows the unread count. */
@ControllerAdvice(annotations = Controller.class)
class UnreadCount {

    private final Notifications notifications;

    UnreadCount(Notifications notifications) {
        this.notifications = notifications;
    }

    @ModelAttribute("unread")
    Long unread(@AuthenticationPrincipal Principal me) {
        return me == null ? null : notifications.unread(me.getUsername());
    }
}
