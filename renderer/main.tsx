// The shared tokens and building blocks load first, so each page's own styles (imported by its components) win.
import './ui/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { captureAdminToken } from './console/adminToken';
import { onBeforeRoute } from './router';
import { I18nProvider } from './ui/i18n';
import { ToastProvider } from './ui/Toast';

// Before the first render, so the token never shows in the address bar of a rendered page.
onBeforeRoute(captureAdminToken);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      <ToastProvider>
        <App />
      </ToastProvider>
    </I18nProvider>
  </StrictMode>,
);
