/**
 * The console UI ({@code ui.enabled: true} on a terminal): {@link io.hypermax.cli.ui.ScreenModel}
 * turns the study into text frames and keys into commands without any terminal (unit-tested),
 * {@link io.hypermax.cli.ui.ConsoleUi} puts the frames on a Lanterna screen and restores the
 * terminal whatever happens.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
package io.hypermax.cli.ui;

import io.hypermax.core.stability.API;
