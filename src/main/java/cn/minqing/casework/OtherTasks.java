package cn.minqing.casework;

import cn.minqing.people.CurrentUser;
import java.util.List;

/**
 * Tasks of other processes that a person works from the same workbench as case tasks (a work plan's milestone
 * reports and 督办): each feature that has them lists those the person may work, with a page to work each.
 */
public interface OtherTasks {

    List<OtherTask> of(CurrentUser user);

    /** One task as the workbench lists it: what to do, on what, where to do it, by when and its flag (none/yellow/red). */
    record OtherTask(String what, String subject, String href, java.time.LocalDate due, String flag) {
    }
}
