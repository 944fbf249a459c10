package io.hypermax.results.internal.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.hypermax.core.guidance.GuidanceEvent;
import io.hypermax.core.guidance.GuidanceInbox;
import io.hypermax.core.internal.run.DirectoryLock;
import io.hypermax.core.trial.Trial;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard of a running study in headless Chromium, driven by chromedriver: the page loads with the token,
 * every chart is drawn, the history holds every trial, and a trial another writer appends meanwhile appears in the
 * table and the history without a reload; guidance sent from the page ("lock to this trial's value" in the details,
 * the guidance form) reaches the search's inbox, is listed as waiting and then as in force, and a request that does
 * not fit the space shows its reason. Screenshots of each view go to target/dashboard-screenshots (docs/img
 * holds copies). Skipped with a message where chromium or chromedriver is missing.
 */
class DashboardInBrowserTest {
  @TempDir Path dir;

  @Test
  void theDashboardOfARunningStudyDrawsEveryChartAndShowsANewTrialWithoutReload() throws Exception {
    String chromium = WebDriver.find("chromium");
    String chromedriver = WebDriver.find("chromedriver");
    assumeTrue(chromium != null, "no chromium on PATH (Debian: apt-get install chromium)");
    assumeTrue(chromedriver != null, "no chromedriver on PATH (Debian: apt-get install chromium-driver)");
    Path study = Files.createDirectory(dir.resolve("results_1"));
    Path shots = Files.createDirectories(Path.of("target", "dashboard-screenshots"));
    try (StudyWriter writer = new StudyWriter(study);
        DirectoryLock searchHoldsTheDirectory = DirectoryLock.acquire(study)) {
      writer.trials(0, 30);
      Files.createDirectories(study.resolve("logs"));
      Files.writeString(study.resolve("logs/trial_4.txt"), "epoch 1: 0.9\nepoch 2: 0.4\n");
      Trial running = writer.start(30);
      try (DashboardServer server = DashboardServer.start(new JournalFollower(study), StudyWriter.SHAPE, RunningUsage.NONE,
              new DashboardOptions("127.0.0.1", 0, false, null, 100));
          WebDriver browser = new WebDriver(chromedriver, chromium, Files.createDirectory(dir.resolve("profile")), dir.resolve("chromedriver.log"))) {
        String origin = "http://127.0.0.1:" + server.port();
        browser.open(origin + "/");
        assertTrue(browser.script("return document.body.innerText").asText().contains("401"), "no token: 401");
        browser.open(server.url());
        assertEquals(origin + "/", browser.script("return location.href").asText(), "the token left the address bar");
        assertTrue(browser.await("return document.querySelectorAll('#hm-trials tbody tr').length === 31", 60),
            "the trials table lists 30 finished and 1 running trial");
        List<String> expected = List.of("history", "edf", "importance", "parallel", "slice x", "slice lr", "slice layers", "slice act",
            "contour x lr", "contour x layers", "contour lr layers", "timeline");
        String drawn = "return [].filter.call(document.querySelectorAll('#hm-charts .hm-chart'), "
            + "function (e) { return e.querySelector('canvas') !== null; }).map(function (e) { return e.getAttribute('data-chart'); }).join('|')";
        assertEquals(String.join("|", expected), browser.script(drawn).asText(), "every chart is drawn");
        String historyLength = "return echarts.getInstanceByDom(document.querySelector('[data-chart=history]')).getOption().series[0].data.length";
        assertEquals(30, browser.script(historyLength).asInt(), "the history has every complete trial");
        assertEquals("30", browser.script("return document.querySelector('#hm-running tbody tr').getAttribute('data-trial')").asText());
        assertTrue(browser.script("return document.getElementById('hm-summary').innerText").asText().contains("30 of 100 trials finished"));
        assertTrue(browser.await("return document.getElementById('hm-connection').getAttribute('data-state') === 'live'", 20),
            "the event stream is connected");
        browser.screenshot(shots.resolve("dashboard-top.png"));
        browser.script("document.getElementById('hm-charts-section').scrollIntoView(); return true");
        browser.screenshot(shots.resolve("dashboard-charts.png"));
        browser.script("document.querySelector('[data-chart=parallel]').scrollIntoView(); return true");
        browser.screenshot(shots.resolve("dashboard-parallel.png"));
        browser.script("document.querySelector('[data-chart=\"contour x lr\"]').scrollIntoView(); return true");
        browser.screenshot(shots.resolve("dashboard-contour.png"));

        // the details pane with the log, and a filter
        browser.script("document.querySelector('#hm-trials tbody tr[data-trial=\"4\"]').click(); return true");
        assertTrue(browser.await("return document.getElementById('hm-log').textContent.indexOf('epoch 2: 0.4') >= 0", 20),
            "the log of trial 4 is shown");
        assertTrue(browser.script("return JSON.parse(document.getElementById('hm-detail').textContent).number").asInt() == 4);
        assertTrue(browser.await("return document.querySelector('#hm-detail-locks button[data-param=layers]') !== null", 20),
            "the details offer to lock each parameter to this trial's value");
        browser.screenshot(shots.resolve("dashboard-details.png"));

        // guidance: lock layers to trial 4's value from its details; the running search's inbox gets it
        int layers = browser.script("return JSON.parse(document.getElementById('hm-detail').textContent).flat.layers").asInt();
        browser.script("document.querySelector('#hm-detail-locks button[data-param=layers]').click(); return true");
        assertTrue(browser.await("return document.getElementById('hm-guidance-message').getAttribute('data-state') === 'ok'", 20),
            "the lock was accepted: " + browser.script("return document.getElementById('hm-guidance-message').textContent").asText());
        assertTrue(browser.await("return document.querySelector('#hm-guidance-state li[data-kind=pending]') !== null", 20),
            "listed as waiting for the search");
        GuidanceInbox inbox = new GuidanceInbox(study, m -> {});
        List<GuidanceEvent> sent = inbox.poll(true);
        assertEquals(1, sent.size(), "one request in the inbox: " + sent);
        assertEquals("lock layers = " + layers, sent.get(0).describe());
        assertEquals("web", sent.get(0).source());
        writer.guidance(sent.get(0)); // the search applies it and journals it
        assertTrue(browser.await("var li = document.querySelector('#hm-guidance-state li[data-kind=lock][data-param=layers]');"
            + " return li !== null && li.textContent.indexOf('layers locked to " + layers + "') === 0"
            + " && document.querySelector('#hm-guidance-state li[data-kind=pending]') === null", 20), "then listed as in force");
        // the form: a narrowing that does not fit shows the reason; one that fits is sent
        browser.script("document.getElementById('hm-guide-param').value = 'layers'; var a = document.getElementById('hm-guide-action');"
            + " a.value = 'narrow'; a.dispatchEvent(new Event('change')); document.getElementById('hm-guide-min').value = '0';"
            + " document.getElementById('hm-guide-max').value = '20'; document.getElementById('hm-guide-send').click(); return true");
        assertTrue(browser.await("var m = document.getElementById('hm-guidance-message'); return m.getAttribute('data-state') === 'error'"
            + " && m.textContent.indexOf('refused (HTTP 400): cannot narrow layers to [0.0, 20.0]: it must stay within its range') === 0", 20),
            "the reason is shown: " + browser.script("return document.getElementById('hm-guidance-message').textContent").asText());
        browser.script("document.getElementById('hm-guide-param').value = 'x'; document.getElementById('hm-guide-min').value = '2';"
            + " document.getElementById('hm-guide-max').value = '5'; document.getElementById('hm-guide-send').click(); return true");
        assertTrue(browser.await("return document.getElementById('hm-guidance-message').textContent.indexOf("
            + "'sent to the running search: narrow x to [2.0, 5.0]') === 0", 20), "the narrowing is sent");
        List<GuidanceEvent> narrowed = inbox.poll(true);
        assertEquals(List.of("narrow x to [2.0, 5.0]"), narrowed.stream().map(GuidanceEvent::describe).toList());
        writer.guidance(narrowed.get(0));
        assertTrue(browser.await("return document.querySelector('#hm-guidance-state li[data-kind=narrow][data-param=x]') !== null", 20));
        browser.script("document.getElementById('hm-guidance-section').scrollIntoView(); return true");
        browser.screenshot(shots.resolve("dashboard-guidance.png"));
        browser.script("document.getElementById('hm-detail-section').scrollIntoView(); return true");
        browser.script("var s = document.getElementById('hm-filter-status'); s.value = 'running'; "
            + "s.dispatchEvent(new Event('input')); return true");
        assertEquals(1, browser.script("return document.querySelectorAll('#hm-trials tbody tr').length").asInt(), "the status filter");
        browser.script("var s = document.getElementById('hm-filter-status'); s.value = ''; s.dispatchEvent(new Event('input')); return true");

        // live: another writer finishes trial 30 and adds 31; the page shows them without a reload
        browser.script("window.hmSamePage = true; return true");
        long version = browser.script("return Number(document.body.getAttribute('data-version'))").asLong();
        writer.finish(running);
        writer.trials(31, 32);
        assertTrue(browser.await("return document.querySelector('#hm-trials tbody tr[data-trial=\"31\"][data-status=\"complete\"]') !== null"
            + " && document.querySelector('#hm-trials tbody tr[data-trial=\"30\"][data-status=\"complete\"]') !== null", 30),
            "the appended trials appear in the table");
        assertTrue(browser.await(historyLength.replace("return ", "return 32 === "), 20), "and in the history chart");
        assertTrue(browser.script("return window.hmSamePage === true").asBoolean(), "without a reload");
        assertTrue(browser.script("return Number(document.body.getAttribute('data-version'))").asLong() > version);
        assertEquals(0, browser.script("return document.querySelectorAll('#hm-running tbody tr').length").asInt(), "nothing runs now");
        assertTrue(browser.script("return document.getElementById('hm-summary').innerText").asText().contains("32 of 100 trials finished"));
        // the 401 of the first load without the token, and the 400 of the refused narrowing, are expected
        List<String> severe = browser.severeConsole().stream()
            .filter(m -> !m.contains("401") && !(m.contains("/api/guidance") && m.contains("400"))).toList();
        assertTrue(severe.isEmpty(), "console errors: " + severe);
      }
    }
  }

  @Test
  void theActionsOfAnAtpeStudyAreDrawnAndFollowNewTrials() throws Exception {
    String chromium = WebDriver.find("chromium");
    String chromedriver = WebDriver.find("chromedriver");
    assumeTrue(chromium != null && chromedriver != null, "no chromium or chromedriver on PATH");
    Path study = Files.createDirectory(dir.resolve("results_3"));
    Path shots = Files.createDirectories(Path.of("target", "dashboard-screenshots"));
    String[][] actions = {{"startup", "random"}, {"tpe", "tpe"}, {"gp", "gp"}, {"storm", "storm"}};
    try (StudyWriter writer = new StudyWriter(study)) {
      for (int i = 0; i < 12; i++) {
        String[] a = actions[i < 4 ? 0 : 1 + i % 3];
        writer.finishAtpe(writer.start(i), a[0], a[1]);
      }
      try (DashboardServer server = DashboardServer.start(new JournalFollower(study), StudyWriter.SHAPE, RunningUsage.NONE,
              new DashboardOptions("127.0.0.1", 0, false, null, 100));
          WebDriver browser = new WebDriver(chromedriver, chromium, Files.createDirectory(dir.resolve("profile3")), dir.resolve("chromedriver3.log"))) {
        browser.open(server.url());
        assertTrue(browser.await("return document.querySelector('[data-chart=\"atpe actions\"] canvas') !== null", 60), "the chart is drawn");
        // the markers of the action rows (the second grid): one per trial
        String markers = "return echarts.getInstanceByDom(document.querySelector('[data-chart=\"atpe actions\"]')).getOption().series"
            + ".filter(function (s) { return s.type === 'scatter' && s.xAxisIndex === 1; }).reduce(function (n, s) { return n + s.data.length; }, 0)";
        assertEquals(12, browser.script(markers).asInt());
        String rows = "return echarts.getInstanceByDom(document.querySelector('[data-chart=\"atpe actions\"]')).getOption().yAxis[1].data.join('|')";
        assertEquals("startup|gp|storm|tpe", browser.script(rows).asText(), "one row per action, in the order of first use");
        writer.finishAtpe(writer.start(12), "gp", "gp");
        assertTrue(browser.await("return document.querySelector('#hm-trials tbody tr[data-trial=\"12\"][data-status=\"complete\"]') !== null", 30),
            "the appended trial reaches the page");
        assertTrue(browser.await("return 13 === (function () { " + markers + " })()", 20),
            "a new trial appears in the chart without a reload: " + browser.script(markers).asInt() + " markers");
        browser.script("document.querySelector('[data-chart=\"atpe actions\"]').scrollIntoView(); return true");
        browser.screenshot(shots.resolve("dashboard-atpe-actions.png"));
        List<String> severe = browser.severeConsole();
        assertTrue(severe.isEmpty(), "console errors: " + severe);
      }
    }
  }

  @Test
  void aParetoStudyWithIntermediateValuesShowsItsFrontAndLearningCurves() throws Exception {
    String chromium = WebDriver.find("chromium");
    String chromedriver = WebDriver.find("chromedriver");
    assumeTrue(chromium != null && chromedriver != null, "no chromium or chromedriver on PATH");
    Path study = Files.createDirectory(dir.resolve("results_2"));
    Path shots = Files.createDirectories(Path.of("target", "dashboard-screenshots"));
    try (StudyWriter writer = new StudyWriter(study)) {
      for (int i = 0; i < 20; i++) {
        Trial t = writer.start(i);
        for (int step = 1; step <= 5; step++) {
          writer.intermediate(i, step, 1.0 / step + 0.05 * i);
        }
        writer.finishPareto(t);
      }
      try (DashboardServer server = DashboardServer.start(new JournalFollower(study), StudyWriter.SHAPE, RunningUsage.NONE,
              new DashboardOptions("127.0.0.1", 0, false, null, 100));
          WebDriver browser = new WebDriver(chromedriver, chromium, Files.createDirectory(dir.resolve("profile2")), dir.resolve("chromedriver2.log"))) {
        browser.open(server.url());
        assertTrue(browser.await("return document.querySelector('[data-chart=pareto] canvas') !== null"
            + " && document.querySelector('[data-chart=\"learning curves\"] canvas') !== null", 60), "both charts are drawn");
        String series = "return echarts.getInstanceByDom(document.querySelector('[data-chart=\"learning curves\"]')).getOption().series.filter(function (s) { return s.type === 'line'; }).length";
        assertEquals(20, browser.script(series).asInt(), "one learning curve per trial");
        String front = "return echarts.getInstanceByDom(document.querySelector('[data-chart=pareto]')).getOption().series.map("
            + "function (s) { return s.data.length; }).join('+')";
        String counts = browser.script(front).asText();
        int onFront = Integer.parseInt(counts.split("\\+")[0]);
        int dominated = Integer.parseInt(counts.split("\\+")[1]);
        assertEquals(20, onFront + dominated, counts);
        assertTrue(onFront >= 1 && dominated >= 1, "a front and dominated trials: " + counts);
        browser.script("document.querySelector('[data-chart=pareto]').scrollIntoView(); return true");
        browser.screenshot(shots.resolve("dashboard-pareto.png"));
        browser.script("document.querySelector('[data-chart=\"learning curves\"]').scrollIntoView(); return true");
        browser.screenshot(shots.resolve("dashboard-learning-curves.png"));
        List<String> severe = browser.severeConsole();
        assertTrue(severe.isEmpty(), "console errors: " + severe);
      }
    }
  }
}
