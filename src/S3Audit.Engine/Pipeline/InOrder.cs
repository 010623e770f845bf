using System;

namespace S3Audit.Engine.Pipeline
{
    /// <summary>
    /// Results of parallel work handed on in the order of their items: item i is written as soon as it and every item
    /// before it are done, so output is as stable as a sequential run and still streams. Thread-safe.
    /// </summary>
    internal sealed class InOrder<T>
    {
        private readonly T[] _results;
        private readonly bool[] _done;
        private readonly Action<T> _write;
        private readonly object _gate = new object();
        private int _next;

        public InOrder(int count, Action<T> write)
        {
            _results = new T[count];
            _done = new bool[count];
            _write = write;
        }

        /// <summary>Item <paramref name="index"/> is done; writes it and any later items that were waiting for it.</summary>
        public void Complete(int index, T result)
        {
            lock (_gate)
            {
                _results[index] = result;
                _done[index] = true;
                while (_next < _done.Length && _done[_next])
                {
                    _write(_results[_next]);
                    _results[_next] = default!;
                    _next++;
                }
            }
        }
    }
}
