/**
 * {@code function.type: ssh}: runs each trial's command on one of a pool of hosts over ssh (JSch).
 *
 * <ul>
 *   <li>{@link io.hypermax.executors.internal.ssh.SshProvider} reads the config ({@link SshSettings}, {@link SshHost});
 *   <li>{@link io.hypermax.executors.internal.ssh.SshExecutor} leases a slot ({@link HostPool}), syncs the folder once per
 *       host ({@link FolderSync}) and runs the trial ({@link RemoteTrial}), again on another host when the
 *       connection fails;
 *   <li>{@link io.hypermax.executors.internal.ssh.HostConnection} is the one pooled session per host, its host keys
 *       checked by {@link HostKeyCheck};
 *   <li>{@link io.hypermax.executors.internal.ssh.RemoteScripts} holds the remote shell code: parameter values only
 *       ever reach it as quoted environment variables ({@link ShellText}).
 * </ul>
 *
 * Parameter passing and result reading are {@code executable}'s ({@code Placeholders},
 * {@code ExecutableResults}); the auto-kill loop is the local one ({@code KillWatch}). See docs/executors.md.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
package io.hypermax.executors.internal.ssh;

import io.hypermax.core.stability.API;
