import { render } from 'preact';
import { localizeDocument } from '../../components/common/document';
import { t } from '../../components/i18n';
import { reportOrigin, reportRunAsked } from '../../components/report/origin-param';
import { Report } from '../../components/report/Report';

// report.html?fmc=<url-encoded origin>: the fleet report of that FMC.
localizeDocument('reportTitle');
const origin = reportOrigin(location.search);
render(
  origin ? (
    <Report origin={origin} runAtOnce={reportRunAsked(location.search)} />
  ) : (
    <main class="report">
      <h1>{t('reportHeading')}</h1>
      <p role="alert">{t('reportNoFmc')}</p>
    </main>
  ),
  document.getElementById('app') as HTMLElement,
);
