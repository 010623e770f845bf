using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using System.Xml.Linq;
using S3Audit.Engine.Http;

namespace S3Audit.Engine.Credentials
{
    /// <summary>
    /// IAM's Query API (POST Action=...&amp;Version=2010-05-08) over <see cref="SignedRequestClient"/>: SigV4, throttling
    /// retries, and errors as AmazonServiceException with IAM's error code. List calls follow Marker/IsTruncated.
    /// </summary>
    public sealed class IamQueryClient
    {
        /// <summary>IAM's global endpoint (signing region us-east-1).</summary>
        public static readonly Uri AwsEndpoint = new Uri("https://iam.amazonaws.com");

        private readonly SignedRequestClient _client;

        /// <summary>Creates the client on an endpoint; the signed client must sign for us-east-1.</summary>
        public IamQueryClient(SignedRequestClient client, Uri endpoint)
        {
            _client = client;
            Endpoint = endpoint;
        }

        /// <summary>Where requests go.</summary>
        public Uri Endpoint { get; }

        /// <summary>Calls an action and returns its &lt;ActionResult&gt; element (the response root when there is none).</summary>
        public async Task<XElement> CallAsync(string action, IDictionary<string, string>? parameters, CancellationToken cancellationToken)
        {
            var request = new SignedRequest
            {
                Method = "POST",
                Endpoint = Endpoint,
                Path = "/",
                Service = "iam",
                Description = "IAM " + action,
            };
            request.Form["Action"] = action;
            request.Form["Version"] = "2010-05-08";
            if (parameters != null)
            {
                foreach (KeyValuePair<string, string> p in parameters)
                {
                    request.Form[p.Key] = p.Value;
                }
            }

            SignedResponse response = await _client.SendAsync(request, cancellationToken).ConfigureAwait(false);
            XElement root = XElement.Parse(response.Body);
            return root.Child(action + "Result") ?? root;
        }

        /// <summary>Every &lt;member&gt; of <paramref name="listName"/> over all pages (Marker/IsTruncated).</summary>
        public async Task<IReadOnlyList<XElement>> ListAsync(string action, IDictionary<string, string>? parameters, string listName, CancellationToken cancellationToken)
        {
            var items = new List<XElement>();
            var page = new Dictionary<string, string>(parameters ?? new Dictionary<string, string>(), StringComparer.Ordinal);
            for (int pages = 0; pages < 10_000; pages++)
            {
                XElement result = await CallAsync(action, page, cancellationToken).ConfigureAwait(false);
                items.AddRange(result.Members(listName));
                string marker = result.Text("Marker");
                if (!string.Equals(result.Text("IsTruncated"), "true", StringComparison.OrdinalIgnoreCase) || marker.Length == 0)
                {
                    break;
                }

                page["Marker"] = marker;
            }

            return items;
        }

        /// <summary>One parameter, for the common case.</summary>
        public static IDictionary<string, string> With(string name, string value) => new Dictionary<string, string> { [name] = value };
    }
}
