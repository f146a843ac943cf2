package cn.minqing.plans;

/**
 * A progress report on a milestone as the page's form sends it: what was done, optionally a number with its unit
 * (e.g. 12 户), and whether the milestone is met with it (which completes its report task).
 */
record ProgressForm(String text, String amount, String unit, Boolean done) {

    ProgressForm {
        done = Boolean.TRUE.equals(done); // an unticked box sends nothing
    }
}
