package cn.minqing.households;

import cn.minqing.people.CurrentUser;
import java.util.List;

/** What other features know of a household for its page: its visits and its cases (implemented by visits). */
public interface HouseholdHistory {

    List<?> visits(Household household, CurrentUser viewer);

    List<?> cases(Household household, CurrentUser viewer);
}
