// Firstline elevation broker: the Windows service host (docs/admin.md "Fixes that need
// administrator rights"). Node cannot speak the service control manager's protocol, so the
// FirstlineBroker service runs this program, which starts firstline-broker.exe from its own
// folder (no arguments: the broker's Windows defaults apply), forwards its output to the
// Application event log, stops it with the service, and exits with an error when the broker dies
// so the service's recovery actions (sc failure) restart both. The broker also watches this
// process (--parent-pid) and exits when it is gone, so a crashed host never leaves an orphan
// holding the pipe.
//
// Compiled on the Windows build machine by scripts/build-broker-sea.ts with the .NET Framework's
// own compiler (csc.exe, part of every Windows 10/11), so no third-party binary runs as SYSTEM.
using System;
using System.Diagnostics;
using System.IO;
using System.ServiceProcess;

namespace Firstline.Broker
{
    public sealed class BrokerServiceHost : ServiceBase
    {
        private Process child;
        private volatile bool stopping;

        public BrokerServiceHost()
        {
            ServiceName = "FirstlineBroker";
            CanStop = true;
            CanShutdown = true;
            AutoLog = true;
        }

        protected override void OnStart(string[] args)
        {
            string dir = Path.GetDirectoryName(typeof(BrokerServiceHost).Assembly.Location);
            ProcessStartInfo info = new ProcessStartInfo(Path.Combine(dir, "firstline-broker.exe"));
            info.Arguments = "--parent-pid " + Process.GetCurrentProcess().Id;
            info.UseShellExecute = false;
            info.CreateNoWindow = true;
            info.WorkingDirectory = dir;
            info.RedirectStandardOutput = true;
            info.RedirectStandardError = true;
            child = new Process();
            child.StartInfo = info;
            child.EnableRaisingEvents = true;
            child.OutputDataReceived += (sender, e) => Log(e.Data, EventLogEntryType.Information);
            child.ErrorDataReceived += (sender, e) => Log(e.Data, EventLogEntryType.Warning);
            child.Exited += OnChildExited;
            child.Start();
            child.BeginOutputReadLine();
            child.BeginErrorReadLine();
        }

        private void Log(string line, EventLogEntryType type)
        {
            if (string.IsNullOrEmpty(line)) return;
            try { EventLog.WriteEntry(line.Length > 2000 ? line.Substring(0, 2000) : line, type); } catch (Exception) { }
        }

        private void OnChildExited(object sender, EventArgs e)
        {
            if (stopping) return;
            Log("firstline-broker exited with code " + child.ExitCode + "; the service stops so its recovery actions restart it.", EventLogEntryType.Error);
            // Ending without reporting SERVICE_STOPPED counts as a failure: the recovery actions run.
            Environment.Exit(1);
        }

        protected override void OnStop() { StopChild(); }

        protected override void OnShutdown() { StopChild(); }

        private void StopChild()
        {
            stopping = true;
            try
            {
                if (child != null && !child.HasExited)
                {
                    child.Kill();
                    child.WaitForExit(10000);
                }
            }
            catch (InvalidOperationException) { }
            catch (System.ComponentModel.Win32Exception) { }
        }

        public static void Main()
        {
            ServiceBase.Run(new BrokerServiceHost());
        }
    }
}
