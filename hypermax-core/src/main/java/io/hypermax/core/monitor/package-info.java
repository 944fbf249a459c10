/** What running trials use right now (resident memory, CPU), published by executors for live displays. */
package io.hypermax.core.monitor;
